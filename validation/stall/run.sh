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

# train_bundle BUNDLE METHOD DATA [FLAGS...]: trains in the background on one core unless BUNDLE exists
pids=()
train_bundle() {
    local bundle=$1 method=$2 data=$3
    shift 3
    [ -f "$bundle" ] && return 0
    echo "== training $bundle (log: $WORK/$(basename "$bundle").log)" >&2
    OMP_NUM_THREADS=1 java -jar target/aerodiff.jar train --config "examples/train-$method.json" \
        --data "$data" --out "$bundle" "$@" > "$WORK/$(basename "$bundle").log" 2>&1 &
    pids+=($!)
}
wait_for_training() {
    for pid in "${pids[@]}"; do wait "$pid"; done
    pids=()
}

train_bundle "$FLOW" flow "$DATA/train.nc"
train_bundle "$DDPM" ddpm "$DATA/train.nc"
wait_for_training

validate flow-euler-20 "$FLOW" euler:20
validate flow-ode-bs3-3e-2 "$FLOW" ode-bs3:3e-2
validate ddpm-ddim-20-eta1 "$DDPM" ddim:20:1
validate ddpm-200 "$DDPM" ddpm

# EXTRA=1: the flow recipe with twice the steps, and on both shipped train splits merged (not
# shipped; about 65 and 35 minutes on one core each, side by side), the latter also on the test
# split of airfoil-rans (results/rans-test/).
if [ -n "${EXTRA:-}" ]; then
    LONG=$WORK/flow-7200.aerodiff
    BOTH=$WORK/flow-both.aerodiff
    [ -f "$WORK/both-train.nc" ] || java -jar target/aerodiff.jar dataset merge --out "$WORK/both-train.nc" \
        datasets/airfoil-rans/train.nc "$DATA/train.nc"
    train_bundle "$LONG" flow "$DATA/train.nc" --steps 7200
    train_bundle "$BOTH" flow "$WORK/both-train.nc"
    wait_for_training
    validate flow-7200-euler-20 "$LONG" euler:20
    validate flow-both-euler-20 "$BOTH" euler:20
    mkdir -p "$OUT/rans-test"
    TEST=datasets/airfoil-rans/test.nc OUT=$OUT/rans-test validate flow-both-euler-20 "$BOTH" euler:20
fi
/usr/bin/python3 validation/surrogates/summarize.py "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
