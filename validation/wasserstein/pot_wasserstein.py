"""W_p between two CSV point clouds with POT's exact network simplex (ot.emd2), as a whole process.

    /usr/bin/python3 pot_wasserstein.py P A.csv B.csv    ->  {"distance": ...}

Does what `aerodiff metrics wasserstein --p P A.csv B.csv --json` does: reads both files, builds the
dense cost matrix |a_i - b_j|^p and solves the unregularised transport problem with uniform
weights. Used by compare.py for agreement and for whole-process timing.
"""
import json
import sys

import numpy as np
import ot


def main():
    p = float(sys.argv[1])
    a = np.loadtxt(sys.argv[2], delimiter=",", ndmin=2)
    b = np.loadtxt(sys.argv[3], delimiter=",", ndmin=2)
    if p == 1:
        cost = ot.dist(a, b, metric="euclidean")
    elif p == 2:
        cost = ot.dist(a, b, metric="sqeuclidean")
    else:
        cost = ot.dist(a, b, metric="euclidean") ** p
    wa = np.full(len(a), 1.0 / len(a))
    wb = np.full(len(b), 1.0 / len(b))
    cost_pow_p = ot.emd2(wa, wb, cost, numItermax=100_000_000)
    print(json.dumps({"distance": float(cost_pow_p) ** (1.0 / p), "distance_pow_p": float(cost_pow_p)}))


if __name__ == "__main__":
    main()
