"""Cross-check of `aerodiff metrics wasserstein` against POT's ot.emd2, and whole-process timings.

    /usr/bin/python3 compare.py WORKDIR > results.json

Writes random point clouds (several sizes, dimensions, equal and unequal sizes) as CSV files in
WORKDIR, runs the AeroDiff jar and a POT process (pot_wasserstein.py) on the same files, and
reports each distance, their relative difference and, for the timed cases, the wall time and the
CPU time (user + system, all threads) of each whole process (start to exit, JVM and Python start
included), interleaved and repeated.
"""
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time

import numpy as np
import ot

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JAR = os.path.join(ROOT, "target", "aerodiff.jar")
POT = os.path.join(HERE, "pot_wasserstein.py")
TIMING_REPEATS = 7

# (n, m, dim, p, timed)
CASES = [
    (50, 50, 1, 1, False),
    (100, 100, 2, 1, False),
    (100, 100, 2, 2, False),
    (500, 500, 3, 1, False),
    (500, 500, 3, 2, False),
    (1000, 1000, 10, 1, False),
    (1000, 1000, 10, 2, False),
    (300, 450, 3, 1, False),
    (300, 450, 3, 2, False),
    (1000, 999, 2, 1, False),
    (2000, 1999, 3, 1, False),
    (2000, 2000, 3, 1, True),
    (2000, 2000, 3, 2, True),
]


def write_cloud(path, points):
    np.savetxt(path, points, delimiter=",", fmt="%.17g")


def run_json(command):
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def run_java(p, a, b):
    return run_json(["java", "-jar", JAR, "metrics", "wasserstein", "--p", str(p), a, b, "--json"])


def run_pot(p, a, b):
    return run_json([sys.executable, POT, str(p), a, b])


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(fn, *args):
    """Runs one process; returns its result, wall seconds and CPU seconds (user + system, all threads)."""
    cpu = children_cpu()
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start, children_cpu() - cpu


def main():
    work = sys.argv[1]
    rng = np.random.default_rng(20240607)
    rows = []
    load_before = os.getloadavg()
    for n, m, dim, p, is_timed in CASES:
        a = os.path.join(work, f"a_{n}_{dim}.csv")
        b = os.path.join(work, f"b_{m}_{dim}.csv")
        write_cloud(a, rng.normal(size=(n, dim)))
        write_cloud(b, rng.normal(loc=0.3, scale=1.2, size=(m, dim)))
        repeats = TIMING_REPEATS if is_timed else 1
        java_s, pot_s, java_cpu, pot_cpu = [], [], [], []
        for r in range(repeats):
            # alternate which process goes first so that neither always runs on a warmer machine
            order = [("java", run_java), ("pot", run_pot)] if r % 2 == 0 else [("pot", run_pot), ("java", run_java)]
            for name, fn in order:
                result, seconds, cpu = timed(fn, p, a, b)
                if name == "java":
                    java, java_s, java_cpu = result, java_s + [seconds], java_cpu + [cpu]
                else:
                    pot, pot_s, pot_cpu = result, pot_s + [seconds], pot_cpu + [cpu]
        rel = abs(java["distance"] - pot["distance"]) / abs(pot["distance"])
        row = {"n": n, "m": m, "dim": dim, "p": p, "aerodiff": java["distance"], "pot": pot["distance"],
               "relative_difference": rel, "solver": java["solver"]}
        if is_timed:
            row["wall_seconds"] = {"aerodiff": java_s, "pot": pot_s,
                                   "aerodiff_median": statistics.median(java_s),
                                   "pot_median": statistics.median(pot_s),
                                   "aerodiff_faster_in": sum(j < q for j, q in zip(java_s, pot_s))}
            row["cpu_seconds"] = {"aerodiff": java_cpu, "pot": pot_cpu,
                                  "aerodiff_median": statistics.median(java_cpu),
                                  "pot_median": statistics.median(pot_cpu)}
        rows.append(row)
        print(f"n={n} m={m} dim={dim} p={p}: rel diff {rel:.2e}", file=sys.stderr)
    java_version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(json.dumps({
        "tool": "POT " + ot.__version__ + " ot.emd2 (network simplex, numItermax 1e8)",
        "java": java_version,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "max_relative_difference": max(r["relative_difference"] for r in rows),
        "cases": rows,
    }, indent=2))


if __name__ == "__main__":
    main()
