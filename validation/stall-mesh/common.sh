# Shared by the stall-mesh scripts, sourced first thing with their arguments (`here` set to this
# folder): goes to the repository root and sets
#   OUT      validation/stall-mesh/results
#   WORK     the scripts' first argument, default target/stall-mesh
#   TEST     the test split pooled over five meshes (run.sh writes it), SAMPLES 10
#   DATA     datasets/airfoil-stall
# then sources validation/lib.sh and defines
#   simulate CSV PREFIX SCALE   the conditions of CSV with datasets/airfoil-stall's solver recipe
#                               (2000 SIMPLE iterations, 20 snapshots from 1525, 64x64) on the mesh
#                               with cell sizes scaled by SCALE: PREFIX-SCALE.nc, the cases in
#                               PREFIX-SCALE/, the summary in PREFIX-SCALE.generate.json; finished
#                               cases are reused
cd "$here/../.."
OUT=validation/stall-mesh/results
WORK=${1:-target/stall-mesh}
TEST=$WORK/test-pooled.nc
SAMPLES=10
DATA=datasets/airfoil-stall
source validation/lib.sh

simulate() {
    local csv=$1 prefix=$2 scale=$3
    java -jar target/aerodiff.jar dataset generate --conditions "$csv" \
        --out "$prefix-$scale.nc" --work "$prefix-$scale" --mesh-scale "$scale" \
        --res 64 --iterations 2000 --snapshot-start 1525 --snapshot-every 25 --json \
        > "$prefix-$scale.generate.json"
}
