#!/usr/bin/env bash
# The mesh-pooled networks of train-between.sh sampled on the probability-flow ODE (`ode-bs3`,
# deterministic) in place of ancestral DDIM steps, which narrow every ensemble (README, "Sampler
# names"): seeds 1 and 2 with tolerance 3e-2 (about 20 evaluations) and 1e-2 (about 30), the two
# averaged network by network (1e-2; 10 and 40 samples per condition), against the test split pooled
# over five meshes. For contrast, the shipped stall pair sampled so on the data set's own test split.
# With LONG=1 also trains seeds 1 and 2 for 12000 steps (twice train-between.sh's), about 83 minutes
# on one core each, side by side, and validates each with ddim:20:1, ddim:50:1 and the ODE, and the
# two averaged network by network on the ODE (10 and 40 samples per condition).
# Writes results/pooled-between-*-ode*.json, results/train-between-seed1-ode.json (seed 1 on its own
# training conditions), results/shipped-pair-*.json and, with LONG=1,
# results/pooled-between-seed{1,2}-12k*.json and pooled-between-12k-avg-ode*.json; regenerates results/summary.md.
# About 15 minutes on one core. Usage: bash validation/stall-mesh/ode.sh [WORK_DIR]  (after train-between.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
seed1=$WORK/meshpool-between-seed1.aerodiff
seed2=$WORK/meshpool-between-seed2.aerodiff
for needed in "$TEST" "$seed1" "$seed2"; do
    [ -f "$needed" ] || { echo "$needed is missing: bash validation/stall-mesh/train-between.sh first" >&2; exit 1; }
done
for seed in 1 2; do
    bundle=$WORK/meshpool-between-seed$seed.aerodiff
    validate "pooled-between-seed$seed-ode-3e-2" "$bundle" ode-bs3:3e-2
    validate "pooled-between-seed$seed-ode" "$bundle" ode-bs3:1e-2
done
validate pooled-between-avg-ode "$seed1,$seed2" ode-bs3:1e-2 --average
SAMPLES=40 validate pooled-between-avg-ode-40 "$seed1,$seed2" ode-bs3:1e-2 --average
# The same on the networks' own training conditions, for the rule summarize.py looks for there.
TEST=$WORK/train-between-pooled.nc validate train-between-seed1-ode "$seed1" ode-bs3:1e-2
shipped=examples/stall-flow-dense-seed1.aerodiff,examples/stall-flow-dense-seed2.aerodiff
TEST=datasets/airfoil-stall/test.nc validate shipped-pair-ddim-50 "$shipped" ddim:50:1 --average
TEST=datasets/airfoil-stall/test.nc validate shipped-pair-ode "$shipped" ode-bs3:3e-2 --average
if [ -n "${LONG:-}" ]; then
    for seed in 1 2; do
        train_bundle "$WORK/meshpool-between-seed$seed-12k.aerodiff" examples/train-flow-stall-dense.json \
            "$WORK/train-between-pooled.nc" --seed "$seed" --steps 12000
    done
    wait_for_training
    for seed in 1 2; do
        long=$WORK/meshpool-between-seed$seed-12k.aerodiff
        validate "pooled-between-seed$seed-12k" "$long" ddim:20:1
        validate "pooled-between-seed$seed-12k-ddim-50" "$long" ddim:50:1
        validate "pooled-between-seed$seed-12k-ode" "$long" ode-bs3:1e-2
    done
    both=$WORK/meshpool-between-seed1-12k.aerodiff,$WORK/meshpool-between-seed2-12k.aerodiff
    validate pooled-between-12k-avg-ode "$both" ode-bs3:1e-2 --average
    SAMPLES=40 validate pooled-between-12k-avg-ode-40 "$both" ode-bs3:1e-2 --average
fi
/usr/bin/python3 "$here/summarize.py" "$OUT" > "$OUT/summary.md"
