#!/usr/bin/env bash
# Surrogates where the simulations really scatter: datasets/airfoil-stall (NACA airfoils beyond
# stall, 16 to 22 degrees, whose SIMPLE runs keep oscillating). Trains a flow-matching and a DDPM
# bundle on its train split with the shipped recipes (examples/train-flow-stall.json and
# examples/train-ddpm-stall.json, the airfoil-rans ones but for the data; each on one core, side by
# side, about 35 minutes)
# unless they exist, then validates both on the test split and on the train split (does it fit the
# conditions it was trained on?), and writes results/NAME.json, results/train-split/NAME.json and
# results/summary.md, with the baseline that answers each test condition with the snapshots of the
# nearest training simulation (validate --nearest) beside them. The errors are set against the simulations' spread, the predicted spread, their rank correlation
# across conditions and the split-half floor (the errors of half of the snapshots against the
# other half: what an exact surrogate with 10 samples would score).
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

# on_split SPLIT.nc DIR NAME BUNDLE [SAMPLER [FLAGS...]]: validates with SAMPLER (default euler:20)
# against another split into results/DIR
on_split() {
    mkdir -p "$OUT/$2" "$WORK/$2"
    TEST=$1 OUT=$OUT/$2 WORK=$WORK/$2 validate "$3" "$4" "${5:-euler:20}" "${@:6}"
}

# unseen_airfoils NAME BUNDLE: BUNDLE (trained on the train split's airfoils) with ddim:20:1 on the
# thickness and shapes splits, airfoils the train split lacks, where they exist, into
# results/thickness-split/ and results/shapes-split/
unseen_airfoils() {
    for split in thickness shapes; do
        if [ -f "$DATA/$split.nc" ]; then
            on_split "$DATA/$split.nc" "$split-split" "$1-ddim-20-eta1" "$2" ddim:20:1
        fi
    done
}

# validate_flow NAME BUNDLE: the experiments' validations: euler:20 and ddim:20:1 on the test
# split, ddim:20:1 on the train split
validate_flow() {
    validate "$1-euler-20" "$2" euler:20
    validate "$1-ddim-20-eta1" "$2" ddim:20:1
    on_split "$DATA/train.nc" train-split "$1-ddim-20-eta1" "$2" ddim:20:1
}

# calibrated NAME BUNDLES SAMPLER [FLAGS...]: the spread calibration of BUNDLES with SAMPLER (FLAGS:
# how several combine, e.g. --average) fitted on the train split (aerodiff calibrate, into
# results/calibrations/), then the test split validated with it as NAME-calibrated; with ON=SPLIT
# fitted on $DATA/SPLIT.nc instead (NAME-calibrated-on-SPLIT), with FIT=gain a gain as well as the
# noise floor (calibrate --fit-gain; NAME-calibrated-gain...)
calibrated() {
    local name=$1 model=$2 sampler=$3 run fit=()
    shift 3
    run=$name-calibrated${FIT:+-$FIT}${ON:+-on-$ON}
    if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $run "* ]]; then
        return 0
    fi
    [ "${FIT:-}" = gain ] && fit=(--fit-gain)
    mkdir -p "$OUT/calibrations"
    echo "== $run: aerodiff calibrate on $DATA/${ON:-train}.nc" >&2
    java -jar target/aerodiff.jar calibrate --model "$model" --against "$DATA/${ON:-train}.nc" \
        --sampler "$sampler" --samples "$SAMPLES" --out "$OUT/calibrations/$run.json" "${fit[@]}" "$@" \
        > "$WORK/$run.calibrate.log" 2>&1
    validate "$run" "$model" "$sampler" --calibration "$OUT/calibrations/$run.json" "$@"
}

# seeds NAME RECIPE DATA.nc STEPS SEED...: trains RECIPE on DATA for STEPS with each SEED, each on
# one core, side by side, into $WORK/NAME.aerodiff (seed 1) or $WORK/NAME-seedSEED.aerodiff, and
# validates each (validate_flow)
seeds() {
    local name=$1 recipe=$2 data=$3 steps=$4 seed
    shift 4
    for seed in "$@"; do
        train_bundle "$WORK/$(seed_name "$name" "$seed").aerodiff" "$recipe" "$data" --steps "$steps" --seed "$seed"
    done
    wait_for_training
    for seed in "$@"; do
        local run
        run=$(seed_name "$name" "$seed")
        validate_flow "$run" "$WORK/$run.aerodiff"
    done
}
# seed_name NAME SEED: NAME for seed 1, NAME-seedSEED otherwise
seed_name() {
    if [ "$2" = 1 ]; then echo "$1"; else echo "$1-seed$2"; fi
}
# seed_bundles NAME SEED...: the bundles of those seeds of NAME in $WORK, comma-separated (for
# validate's mixtures and --average)
seed_bundles() {
    local name=$1 seed list=
    shift
    for seed in "$@"; do
        list=$list${list:+,}$WORK/$(seed_name "$name" "$seed").aerodiff
    done
    echo "$list"
}

# two_seeds NAME RECIPE DATA.nc STEPS: seeds 1 and 2
two_seeds() {
    seeds "$@" 1 2
}

# merge_once OUT.nc FILE.nc...: merges the splits into OUT.nc unless it exists or ONLY is set
# (merged files only feed training, which ONLY skips)
merge_once() {
    local out=$1
    shift
    [ -f "$out" ] || [ -n "${ONLY:-}" ] || java -jar target/aerodiff.jar dataset merge --out "$out" "$@"
}

train_bundle "$FLOW" examples/train-flow-stall.json "$DATA/train.nc"
train_bundle "$DDPM" examples/train-ddpm-stall.json "$DATA/train.nc"
wait_for_training

validate flow-euler-20 "$FLOW" euler:20
validate flow-ddim-20-eta1 "$FLOW" ddim:20:1
validate flow-ddim-10-eta1 "$FLOW" ddim:10:1
validate flow-ode-bs3-3e-2 "$FLOW" ode-bs3:3e-2
validate ddpm-ddim-20-eta1 "$DDPM" ddim:20:1
validate ddpm-200 "$DDPM" ddpm
validate flow-euler-100 "$FLOW" euler:100
nearest nearest-train "$DATA/train.nc"
on_split "$DATA/train.nc" train-split flow-euler-20 "$FLOW"
on_split "$DATA/train.nc" train-split flow-ddim-20-eta1 "$FLOW" ddim:20:1
on_split "$DATA/train.nc" train-split ddpm-ddim-20-eta1 "$DDPM" ddim:20:1
# the shipped flow bundle with its spread calibrated on the train split, its own training
# conditions (a few minutes), the gain fitted too, and where $DATA/dense.nc exists on that split:
# conditions between its training ones and the airfoils NACA 0015 and 23015 it has not seen
for fit in "" gain; do
    FIT=$fit calibrated flow-ddim-20-eta1 "$FLOW" ddim:20:1
    if [ -f "$DATA/dense.nc" ]; then
        FIT=$fit ON=dense calibrated flow-ddim-20-eta1 "$FLOW" ddim:20:1
    fi
done

# EXTRA=1: the experiments of validation/stall/experiments.sh (not shipped, validated like the
# shipped bundles; its comments say what each is and how long it takes).
if [ -n "${EXTRA:-}" ]; then
    source validation/stall/experiments.sh
fi
for dir in "$OUT" "$OUT/train-split" "$OUT/thickness-split" "$OUT/shapes-split"; do
    if [ -d "$dir" ]; then
        /usr/bin/python3 validation/surrogates/summarize.py "$dir" > "$dir/summary.md"
    fi
done
cat "$OUT/summary.md"
