#!/usr/bin/env bash
# Surrogates where the simulations really scatter: datasets/airfoil-stall (NACA airfoils beyond
# stall, 16 to 22 degrees, whose SIMPLE runs keep oscillating). Trains a flow-matching and a DDPM
# bundle on its train split with the shipped recipe (examples/train-*.json, only the data differ;
# each on one core, side by side, about 30 minutes) unless they exist, then validates both on the
# test split and writes results/NAME.json and results/summary.md. The errors are set against the
# simulations' spread and against the split-half floor (the errors of half of the snapshots
# against the other half: what an exact surrogate with 10 samples would score).
# ONLY="name name" runs just those validations (validation/lib.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=validation/stall/results
WORK=${WORK:-target/validation-stall}
SAMPLES=${SAMPLES:-10}
DATA=datasets/airfoil-stall
TEST=$DATA/test.nc
FLOW=${FLOW:-examples/stall-flow-matching.aerodiff}
DDPM=${DDPM:-examples/stall-ddpm.aerodiff}
source validation/lib.sh
[ -f "$DATA/train.nc" ] || { echo "$DATA/train.nc is missing: bash datasets/generate.sh $DATA" >&2; exit 1; }

pids=()
for pair in "flow:$FLOW" "ddpm:$DDPM"; do
    method=${pair%%:*} bundle=${pair#*:}
    if [ ! -f "$bundle" ]; then
        echo "== training $bundle (log: $WORK/train-$method.log)" >&2
        OMP_NUM_THREADS=1 java -jar target/aerodiff.jar train --config "examples/train-$method.json" \
            --data "$DATA/train.nc" --out "$bundle" > "$WORK/train-$method.log" 2>&1 &
        pids+=($!)
    fi
done
for pid in "${pids[@]}"; do wait "$pid"; done

validate flow-euler-20 "$FLOW" euler:20
validate flow-ode-bs3-3e-2 "$FLOW" ode-bs3:3e-2
validate ddpm-ddim-20-eta1 "$DDPM" ddim:20:1
validate ddpm-200 "$DDPM" ddpm
/usr/bin/python3 validation/surrogates/summarize.py "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
