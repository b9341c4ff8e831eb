#!/usr/bin/env bash
# The mesh-pooled surrogate with the unseen NACA 2415's neighbours in its data: simulates the
# between split of datasets/airfoil-stall (NACA 2414 and 2416, 20 conditions) on the data set's mesh
# and on the meshes x1.05, x0.95 and x0.9, pools them (`dataset pool`, 5 snapshots of each mesh,
# the conditions that ran on all four), merges them with the pooled train split of train.sh, and
# trains the shipped stall pair's settings (examples/train-flow-stall-dense.json: wall distance,
# high-noise training times) on it for $STEPS steps (default 6000), seeds 1 and 2, each on one core,
# side by side. Validates each and the two averaged network by network (ddim:20:1 and ddim:50:1,
# 10 samples; the average with 50 steps and 40 samples too) against the test split pooled over five meshes (run.sh), each with its spread
# calibrated on its training data (calibrate --fit-gain), and the lookup of the training data.
# Writes results/between-pooled.json (the pooled split's summary), results/between-stats-1.0.json
# and between-stats-pooled.json (`dataset stats` of the split on the data set's mesh and pooled),
# results/calibration-between-*.json and results/pooled-between-*.json.
# About 35 minutes of OpenFOAM on 2 cores, then 42 minutes of training (the two seeds side by side). Resumable.
# Usage (from anywhere): bash validation/stall-mesh/train-between.sh [WORK_DIR]   (after run.sh and train.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
STEPS=${STEPS:-6000}
for needed in "$TEST" "$WORK/train-pooled.nc"; do
    [ -f "$needed" ] || { echo "$needed is missing: bash validation/stall-mesh/run.sh, then train.sh first" >&2; exit 1; }
done
meshes=()
for scale in 1.0 1.05 0.95 0.9; do
    simulate "$DATA/between.csv" "$WORK/between-mesh" "$scale"
    meshes+=("$WORK/between-mesh-$scale.nc")
done
between=$WORK/between-pooled.nc
[ -f "$between" ] || java -jar target/aerodiff.jar dataset pool --out "$between" --samples-each 5 \
    "${meshes[@]}" --json > "$OUT/between-pooled.json" 2> "$WORK/between-pool.log"
cat "$WORK/between-pool.log" >&2
run between-stats-1.0 dataset stats "$WORK/between-mesh-1.0.nc"
run between-stats-pooled dataset stats "$between"
data=$WORK/train-between-pooled.nc
[ -f "$data" ] || java -jar target/aerodiff.jar dataset merge --out "$data" \
    "$WORK/train-pooled.nc" "$between" > /dev/null
for seed in 1 2; do
    train_bundle "$WORK/meshpool-between-seed$seed.aerodiff" examples/train-flow-stall-dense.json "$data" \
        --seed "$seed" --steps "$STEPS"
done
wait_for_training
for seed in 1 2; do
    validate "pooled-between-seed$seed" "$WORK/meshpool-between-seed$seed.aerodiff" ddim:20:1
done
both=$WORK/meshpool-between-seed1.aerodiff,$WORK/meshpool-between-seed2.aerodiff
validate pooled-between-avg "$both" ddim:20:1 --average
for seed in 1 2; do
    validate "pooled-between-seed$seed-ddim-50" "$WORK/meshpool-between-seed$seed.aerodiff" ddim:50:1
done
validate pooled-between-avg-ddim-50 "$both" ddim:50:1 --average
SAMPLES=40 validate pooled-between-avg-ddim-50-40 "$both" ddim:50:1 --average
# Their spread calibrated on their own training data, a gain fitted as well (calibrate --fit-gain).
for seed in 1 2; do
    run "calibration-between-seed$seed" calibrate --model "$WORK/meshpool-between-seed$seed.aerodiff" \
        --against "$data" --sampler ddim:20:1 --samples "$SAMPLES" --fit-gain \
        --out "$WORK/calibration-between-seed$seed.json"
    validate "pooled-between-seed$seed-calibrated" "$WORK/meshpool-between-seed$seed.aerodiff" ddim:20:1 \
        --calibration "$WORK/calibration-between-seed$seed.json"
done
nearest pooled-between-nearest "$data"
/usr/bin/python3 "$here/summarize.py" "$OUT" > "$OUT/summary.md"
