#!/usr/bin/env bash
# How much of the stall data's spread is the mesh's: simulates the six conditions of
# datasets/airfoil-stall/test.csv, and NACA 2414 and 2416 at NACA 2415's two test conditions, with the
# data set's solver recipe on meshes whose cell sizes are scaled by each of SCALES (1.0 is the data
# set's own mesh: its runs have the data set's statistics to the last digit), then
# - results/stats-SCALE.json: `dataset stats` of each mesh's runs (the spread of each condition);
# - results/mesh-SCALE.json: `validate --nearest` of each mesh's runs against the test split, i.e.
#   the test split answered by the same solver on another mesh, scored as a surrogate is (10 samples);
# - results/stats-pooled.json, results/pooled-*.json: the test split pooled over five meshes
#   (`dataset pool`), its spread, and the shipped surrogate, the data set's own runs and the lookup
#   of the train split scored against it;
# - results/summary.md: all as tables (summarize.py).
# About 30 minutes on 2 cores (30 to 83 s a case, finer meshes longer). Resumable: finished cases are reused.
# Usage (from anywhere): bash validation/stall-mesh/run.sh [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
TEST=datasets/airfoil-stall/test.nc
SCALES=${SCALES:-0.8 0.9 0.95 1.0 1.05 1.1 1.25}
if ! command -v simpleFoam >/dev/null || ! command -v gmsh >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openfoam gmsh >/dev/null
fi
for scale in $SCALES; do
    simulate "$here/conditions.csv" "$WORK/mesh" "$scale"
    java -jar target/aerodiff.jar dataset stats --json "$WORK/mesh-$scale.nc" > "$OUT/stats-$scale.json"
    nearest "mesh-$scale" "$WORK/mesh-$scale.nc"
done
# The test split with the mesh's uncertainty counted: 4 snapshots of each of the five meshes where
# none of its conditions diverged, the data set's own among them, scored against: the shipped
# surrogate, the data set's own runs and the lookup of the train split.
pooled=$WORK/test-pooled.nc
java -jar target/aerodiff.jar dataset pool --out "$pooled" --samples-each 4 "$TEST" \
    "$WORK/mesh-0.8.nc" "$WORK/mesh-0.9.nc" "$WORK/mesh-0.95.nc" "$WORK/mesh-1.05.nc" 2> "$WORK/pool.log"
java -jar target/aerodiff.jar dataset stats --json "$pooled" > "$OUT/stats-pooled.json"
TEST=$pooled validate pooled-shipped examples/stall-flow-dense-seed1.aerodiff,examples/stall-flow-dense-seed2.aerodiff \
    ddim:50:1 --average --calibration examples/stall-flow-dense.calibration.json
TEST=$pooled nearest pooled-dataset datasets/airfoil-stall/test.nc
TEST=$pooled nearest pooled-train datasets/airfoil-stall/train.nc
/usr/bin/python3 "$here/summarize.py" "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
