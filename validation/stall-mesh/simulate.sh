# Shared by the stall-mesh scripts (source it from the repository root after validation/lib.sh).
#   simulate CSV PREFIX SCALE   the conditions of CSV with datasets/airfoil-stall's solver recipe
#                               (2000 SIMPLE iterations, 20 snapshots from 1525, 64x64) on the mesh
#                               with cell sizes scaled by SCALE: PREFIX-SCALE.nc, the cases in
#                               PREFIX-SCALE/, the summary in PREFIX-SCALE.generate.json; finished
#                               cases are reused
simulate() {
    local csv=$1 prefix=$2 scale=$3
    java -jar target/aerodiff.jar dataset generate --conditions "$csv" \
        --out "$prefix-$scale.nc" --work "$prefix-$scale" --mesh-scale "$scale" \
        --res 64 --iterations 2000 --snapshot-start 1525 --snapshot-every 25 --json \
        > "$prefix-$scale.generate.json"
}
