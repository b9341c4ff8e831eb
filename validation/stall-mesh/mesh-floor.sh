#!/usr/bin/env bash
# How small the errors against the pooled test split can be when its meshes are counted: the
# split-half floor of `validate` splits the pooled snapshots at random, so both halves hold runs of
# the same five meshes, while an exact surrogate's samples would come from other meshes. Here the
# five meshes of the pooled split (the data set's, x0.8, x0.9, x0.95, x1.05; 4 snapshots of each,
# as run.sh pools them) are split into two and three in all ten ways (`dataset pool`), and each pair
# of pools is compared with `metrics fields`. summarize.py scales the mean of those errors to an
# exact surrogate with 10 samples against all five meshes.
# Writes results/mesh-floor-A-B.json (the metrics of the pool of meshes A and B against the other
# three); regenerates results/summary.md. About 5 minutes. Usage: bash validation/stall-mesh/mesh-floor.sh [WORK_DIR]
# (after run.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
scales=(1.0 0.8 0.9 0.95 1.05)
file() {   # the test split's six conditions on mesh $1
    if [ "$1" = 1.0 ]; then echo datasets/airfoil-stall/test.nc; else echo "$WORK/mesh-$1-test.nc"; fi
}
for scale in "${scales[@]:1}"; do   # run.sh simulated NACA 2415's neighbours there too
    [ -f "$WORK/mesh-$scale.nc" ] || { echo "$WORK/mesh-$scale.nc is missing: bash validation/stall-mesh/run.sh first" >&2; exit 1; }
    java -jar target/aerodiff.jar dataset merge --out "$(file "$scale")" --drop-airfoil naca2414 \
        --drop-airfoil naca2416 "$WORK/mesh-$scale.nc" > /dev/null
done
for ((i = 0; i < ${#scales[@]}; i++)); do
    for ((j = i + 1; j < ${#scales[@]}; j++)); do
        pair=(); rest=()
        for ((k = 0; k < ${#scales[@]}; k++)); do
            if [ "$k" = "$i" ] || [ "$k" = "$j" ]; then pair+=("$(file "${scales[k]}")"); else rest+=("$(file "${scales[k]}")"); fi
        done
        name=mesh-floor-${scales[i]}-${scales[j]}
        echo "== $name" >&2
        java -jar target/aerodiff.jar dataset pool --out "$WORK/$name.nc" --samples-each 4 "${pair[@]}" > /dev/null
        java -jar target/aerodiff.jar dataset pool --out "$WORK/$name-rest.nc" --samples-each 4 "${rest[@]}" > /dev/null
        java -jar target/aerodiff.jar metrics fields "$WORK/$name.nc" "$WORK/$name-rest.nc" --json > "$OUT/$name.json"
    done
done
/usr/bin/python3 "$here/summarize.py" "$OUT" > "$OUT/summary.md"
