#!/usr/bin/env bash
# Regenerates datasets/airfoil-rans/{train,test}.nc with OpenFOAM. Resumable: finished cases in
# the work directory are reused. Usage (from the repository root):
#   bash datasets/airfoil-rans/generate.sh [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-$root/target/airfoil-rans-work}
if ! command -v simpleFoam >/dev/null || ! command -v gmsh >/dev/null; then
    echo "installing OpenFOAM and gmsh (Debian packages openfoam, gmsh) ..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openfoam gmsh >/dev/null
fi
cd "$root"
[ -f target/aerodiff.jar ] || mvn -q -B package -DskipTests
for split in train test; do
    java -jar target/aerodiff.jar dataset generate --conditions "$here/$split.csv" --out "$here/$split.nc" \
        --work "$work" --res 64 --iterations 2000 --snapshot-start 1525 --snapshot-every 25 \
        --title "AeroDiff airfoil RANS snapshots ($split split)" --json > "$here/$split.generate.json"
done
