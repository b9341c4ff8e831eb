#!/usr/bin/env bash
# Cross-checks `aerodiff dataset import` and `dataset stats` against NumPy and xarray on the
# shipped raf30 snapshots. Writes results.json beside this script; exits non-zero on a mismatch.
#   bash validation/dataset-import/check.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

# Debian's Python (not the first python3 on PATH) has numpy/xarray/netCDF4 once these are installed.
if ! /usr/bin/python3 -c "import numpy, xarray, netCDF4" 2>/dev/null || ! command -v ncdump >/dev/null; then
    echo "installing python3-xarray python3-netcdf4 netcdf-bin ..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        python3-xarray python3-netcdf4 netcdf-bin >/dev/null
fi
[ -f target/aerodiff.jar ] || mvn -q -B package -DskipTests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar target/aerodiff.jar dataset import --format npz --out "$work/raf30.nc" datasets/raf30-sample/*.npz
java -jar target/aerodiff.jar dataset stats "$work/raf30.nc" --json > "$work/stats.json"
ncdump -h "$work/raf30.nc" > "$work/header.txt"
echo "ncdump -h: $(grep -c ':units' "$work/header.txt") units attributes, format $(ncdump -k "$work/raf30.nc")"
/usr/bin/python3 "$here/compare.py" "$work/raf30.nc" "$work/stats.json" datasets/raf30-sample/*.npz \
    > "$here/results.json"
cat "$here/results.json"
