#!/usr/bin/env bash
# NACA 0012 at Re 6e6: lift coefficient from AeroDiff's OpenFOAM pipeline against published
# values and thin-airfoil theory, on the standard mesh and on a refined one (cell sizes x0.7).
# Writes results.json beside this script. Usage (from the repository root):
#   bash validation/naca0012/run.sh [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-$root/target/naca0012-validation}
cd "$root"
if ! command -v simpleFoam >/dev/null || ! command -v gmsh >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openfoam gmsh >/dev/null
fi
if ! /usr/bin/python3 -c "import xarray, netCDF4" 2>/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-xarray python3-netcdf4 >/dev/null
fi
[ -f target/aerodiff.jar ] || mvn -q -B package -DskipTests
for scale in 1.0 0.7; do
    java -jar target/aerodiff.jar dataset generate --conditions "$here/conditions.csv" --out "$work/mesh$scale.nc" \
        --work "$work/mesh$scale" --mesh-scale "$scale" --res 16 --iterations 2000 --snapshot-start 1525 \
        --snapshot-every 25
done
/usr/bin/python3 "$here/summarize.py" "$work" > "$here/results.json"
cat "$here/results.json"
