#!/usr/bin/env bash
# Whether the shipped pooled flow pair's narrow spread comes from the mesh its training never saw:
# the pooled test split holds runs of the mesh x0.8, the training data (datasets/airfoil-stall-pooled/
# train.nc) only the meshes x0.9 to x1.05. The pair as a mixture with its recorded sampler, 40
# samples per condition, against the pool of the four training meshes alone (4 snapshots of each, as
# the pooled split takes them) and against x0.8's runs alone; the lookup of the training simulations
# against the four-mesh pool for scale. The same pair against the pooled test split (five meshes) is
# validation/stall-pooled's flow-mix-heun-10-rho04-40, which the summary table reads beside them.
# Writes results/held-out-mesh-*.json; regenerates results/summary.md. About 5 minutes on one core.
# Usage: bash validation/stall-mesh/held-out-mesh.sh [WORK_DIR]   (after run.sh and mesh-floor.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
training_meshes=("$WORK/mesh-0.9-test.nc" "$WORK/mesh-0.95-test.nc" "$DATA/test.nc" "$WORK/mesh-1.05-test.nc")
for needed in "$WORK/mesh-0.8-test.nc" "${training_meshes[@]}"; do
    [ -f "$needed" ] || { echo "$needed is missing: bash validation/stall-mesh/run.sh and mesh-floor.sh first" >&2; exit 1; }
done
FOUR=$WORK/test-pooled-training-meshes.nc
java -jar target/aerodiff.jar dataset pool --out "$FOUR" --samples-each 4 "${training_meshes[@]}" > /dev/null
pair=examples/stall-pooled-flow-seed1.aerodiff,examples/stall-pooled-flow-seed2.aerodiff
SAMPLES=40
TEST=$FOUR validate held-out-mesh-training-meshes "$pair" heun:10:rho=0.4
TEST=$WORK/mesh-0.8-test.nc validate held-out-mesh-x0.8 "$pair" heun:10:rho=0.4
TEST=$FOUR nearest held-out-mesh-training-meshes-nearest datasets/airfoil-stall-pooled/train.nc
/usr/bin/python3 "$here/summarize.py" "$OUT" > "$OUT/summary.md"
