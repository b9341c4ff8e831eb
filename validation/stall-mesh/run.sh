#!/usr/bin/env bash
# How much of the stall data's spread is the mesh's: simulates the six conditions of
# datasets/airfoil-stall/test.csv, and NACA 2414 and 2416 at NACA 2415's two test conditions, with the
# data set's solver recipe on meshes whose cell sizes are scaled by each of SCALES (1.0 is the data
# set's own mesh and rewrites its runs bit for bit), then
# - results/stats-SCALE.json: `dataset stats` of each mesh's runs (the spread of each condition);
# - results/mesh-SCALE.json: `validate --nearest` of each mesh's runs against the test split, i.e.
#   the test split answered by the same solver on another mesh, scored as a surrogate is (10 samples);
# - results/summary.md: both as tables (summarize.py).
# About 30 minutes on 2 cores (30 to 83 s a case, finer meshes longer). Resumable: finished cases are reused.
# Usage (from anywhere): bash validation/stall-mesh/run.sh [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
OUT=validation/stall-mesh/results
WORK=${1:-target/stall-mesh}
TEST=datasets/airfoil-stall/test.nc
SAMPLES=10
SCALES=${SCALES:-0.8 0.9 0.95 1.0 1.05 1.1 1.25}
source validation/lib.sh
if ! command -v simpleFoam >/dev/null || ! command -v gmsh >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openfoam gmsh >/dev/null
fi
for scale in $SCALES; do
    java -jar target/aerodiff.jar dataset generate --conditions "$here/conditions.csv" \
        --out "$WORK/mesh-$scale.nc" --work "$WORK/mesh-$scale" --mesh-scale "$scale" \
        --res 64 --iterations 2000 --snapshot-start 1525 --snapshot-every 25 --json \
        > "$WORK/mesh-$scale.generate.json"
    java -jar target/aerodiff.jar dataset stats --json "$WORK/mesh-$scale.nc" > "$OUT/stats-$scale.json"
    nearest "mesh-$scale" "$WORK/mesh-$scale.nc"
done
/usr/bin/python3 "$here/summarize.py" "$OUT" $SCALES > "$OUT/summary.md"
cat "$OUT/summary.md"
