#!/usr/bin/env bash
# Generates a data set's splits with OpenFOAM: for each DATASET_DIR/SPLIT.csv (SPLITS, default
# "train test"), runs
# `dataset generate` with the shipped solver and sampling settings into DATASET_DIR/SPLIT.nc and
# writes its summary to DATASET_DIR/SPLIT.generate.json. Resumable: finished cases in the work
# directory are reused. Usage (from anywhere):
#   bash datasets/generate.sh DATASET_DIR [WORK_DIR]      e.g. datasets/airfoil-stall
#   SPLITS=dense bash datasets/generate.sh datasets/airfoil-stall
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 DATASET_DIR [WORK_DIR]" >&2; exit 2; }
dir=$(cd "$1" && pwd)
name=$(basename "$dir")
root=$(cd "$(dirname "$0")/.." && pwd)
work=${2:-$root/target/$name-work}
title=${TITLE:-AeroDiff $name snapshots}
if ! command -v simpleFoam >/dev/null || ! command -v gmsh >/dev/null; then
    echo "installing OpenFOAM and gmsh (Debian packages openfoam, gmsh) ..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openfoam gmsh >/dev/null
fi
cd "$root"
rel=$(realpath --relative-to="$root" "$dir")   # so that SPLIT.generate.json names no machine path
[ -f target/aerodiff.jar ] || mvn -q -B package -DskipTests
for split in ${SPLITS:-train test}; do
    [ -f "$rel/$split.csv" ] || { echo "$rel/$split.csv: no such condition list" >&2; exit 2; }
    java -jar target/aerodiff.jar dataset generate --conditions "$rel/$split.csv" --out "$rel/$split.nc" \
        --work "$work" --res 64 --iterations 2000 --snapshot-start 1525 --snapshot-every 25 \
        --title "$title ($split split)" --json > "$rel/$split.generate.json"
done
