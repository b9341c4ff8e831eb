#!/usr/bin/env bash
# A surrogate whose ensembles carry the mesh's uncertainty: simulates the train split of
# datasets/airfoil-stall on the meshes x0.9, x0.95 and x1.05 (as run.sh does the test split),
# pools it with the data set's own runs (`dataset pool`, 5 snapshots of each mesh, the conditions
# that ran on all four), trains the shipped stall flow recipe (examples/train-flow-stall.json) on
# it with seeds 1 and 2, each on one core, side by side, and validates both (ddim:20:1, 10 samples)
# against the test split pooled over five meshes (run.sh first), beside the shipped stall flow bundle
# (trained on the data set's mesh alone) and the lookup of the pooled train split (run.sh scores
# that of the data set's); and the two on the data set's own test split. Writes
# results/train-pooled.json (the pooled split's summary) and results/meshpool-*.json,
# pooled-flow-*.json and pooled-nearest-train-pooled.json.
# About 40 minutes of OpenFOAM on 2 cores, then 40 minutes of training. Resumable.
# Usage (from anywhere): bash validation/stall-mesh/train.sh [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
[ -f "$TEST" ] || { echo "$TEST is missing: bash validation/stall-mesh/run.sh first" >&2; exit 1; }
meshes=()
for scale in 1.05 0.95 0.9; do
    simulate "$DATA/train.csv" "$WORK/train-mesh" "$scale"
    meshes+=("$WORK/train-mesh-$scale.nc")
done
pooled=$WORK/train-pooled.nc
[ -f "$pooled" ] || java -jar target/aerodiff.jar dataset pool --out "$pooled" --samples-each 5 \
    "$DATA/train.nc" "${meshes[@]}" --json > "$OUT/train-pooled.json" 2> "$WORK/train-pool.log"
cat "$WORK/train-pool.log" >&2
for seed in 1 2; do
    train_bundle "$WORK/meshpool-seed$seed.aerodiff" examples/train-flow-stall.json "$pooled" --seed "$seed"
done
wait_for_training
for seed in 1 2; do
    validate "pooled-flow-meshpool-seed$seed" "$WORK/meshpool-seed$seed.aerodiff" ddim:20:1
    TEST=$DATA/test.nc validate "meshpool-seed$seed-ddim-20-eta1" "$WORK/meshpool-seed$seed.aerodiff" ddim:20:1
done
validate pooled-flow-shipped examples/stall-flow-matching.aerodiff ddim:20:1
nearest pooled-nearest-train-pooled "$pooled"
/usr/bin/python3 "$here/summarize.py" "$OUT" > "$OUT/summary.md"
