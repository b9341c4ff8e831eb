#!/usr/bin/env bash
# Accuracy of the shipped surrogates on the held-out test split of datasets/airfoil-rans:
#  - flow matching with at most 20 network evaluations (Euler and Heun on the flow's ODE, Heun also
#    with its steps crowded toward the noise, heun:10:rho=0.4; ancestral steps on its path,
#    ddim:20:1, what quickstart runs on this data set, and ddim:10:1) against DDPM with all 200
#    steps,
#  - the adaptive probability-flow ODE (Dormand-Prince 5(4), Bogacki-Shampine 3(2), Heun-Euler 2(1))
#    on both models,
#  - the baseline that answers each condition with the snapshots of the nearest training simulation
#    (validate --nearest): what the surrogates have to beat,
#  - the memorization audit of both bundles against their training set,
#  - the one-step denoising error of both networks by noise level on the test split.
# Every run writes its metrics to results/NAME.json; summarize.py makes results/summary.md.
# ONLY="name name" runs just those (validation/lib.sh). EXTRA=1 also trains and validates an
# experiment that is not shipped: the shipped flow recipe with a network that outputs the clean
# field ("output": "x0"; about 75 minutes on one core), validated with euler:20 and ode-bs3:3e-2,
# and the shipped DDPM recipe without the condition embedding (what was shipped before it; side by side
# with the first, about an hour on one core), validated with ddim:20:1 and all 200 steps; then the
# shipped flow recipe with the nearest-reference channels ("nearest_reference": true: the moments of
# the nearest training simulations as six more condition channels; about 24 minutes on one core),
# validated with ddim:20:1 and euler:20.
# Takes about 20 minutes on 2 cores when the machine is idle (DDPM-200 alone about 4, the adaptive ODE
# runs about 6; per-run wall seconds are in the results).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=validation/surrogates/results
WORK=${WORK:-target/validation-surrogates}
SAMPLES=${SAMPLES:-10}
TEST=datasets/airfoil-rans/test.nc
TRAIN=datasets/airfoil-rans/train.nc
FLOW=examples/flow-matching.aerodiff
DDPM=examples/ddpm.aerodiff
source validation/lib.sh

validate flow-euler-20 "$FLOW" euler:20
validate flow-ddim-20-eta1 "$FLOW" ddim:20:1
validate flow-heun-10 "$FLOW" heun:10
validate flow-heun-10-rho04 "$FLOW" heun:10:rho=0.4
validate flow-ddim-20-eta05 "$FLOW" ddim:20:0.5
validate flow-ddim-10-eta1 "$FLOW" ddim:10:1
validate ddpm-ddim-20 "$DDPM" ddim:20
validate ddpm-ddim-20-eta1 "$DDPM" ddim:20:1
validate ddpm-ddim-50-eta1 "$DDPM" ddim:50:1
validate ddpm-ode-dopri5-1e-2 "$DDPM" ode-dopri5:1e-2
validate ddpm-ode-dopri5-1e-1 "$DDPM" ode-dopri5:1e-1
validate ddpm-ode-dopri5-3e-1 "$DDPM" ode-dopri5:3e-1
validate flow-ode-dopri5-1e-2 "$FLOW" ode-dopri5:1e-2
validate flow-ode-dopri5-1e-1 "$FLOW" ode-dopri5:1e-1
validate flow-ode-dopri5-3e-1 "$FLOW" ode-dopri5:3e-1
validate flow-ode-bs3-1e-1 "$FLOW" ode-bs3:1e-1
validate flow-ode-bs3-3e-2 "$FLOW" ode-bs3:3e-2
validate flow-ode-bs3-1e-2 "$FLOW" ode-bs3:1e-2
validate flow-ode-bs3-3e-3 "$FLOW" ode-bs3:3e-3
validate flow-ode-heun2-3e-2 "$FLOW" ode-heun2:3e-2
validate ddpm-ode-bs3-3e-2 "$DDPM" ode-bs3:3e-2
validate ddpm-200 "$DDPM" ddpm
nearest nearest-train "$TRAIN"
run memorization-flow memorization --model "$FLOW" --train "$TRAIN" --sampler euler:20 \
    --out "$WORK/memorization-flow"
run memorization-flow-ddim memorization --model "$FLOW" --train "$TRAIN" --sampler ddim:20:1 \
    --out "$WORK/memorization-flow-ddim"
run memorization-ddpm memorization --model "$DDPM" --train "$TRAIN" --out "$WORK/memorization-ddpm"
run denoising-ddpm denoising --model "$DDPM" --data "$TEST"
run denoising-flow denoising --model "$FLOW" --data "$TEST"
if [ -n "${EXTRA:-}" ]; then
    X0=$WORK/flow-x0.aerodiff
    PLAIN=$WORK/ddpm-plain.aerodiff
    recipe "$WORK/train-flow-x0.json" examples/train-flow.json 'c["output"] = "x0"'
    recipe "$WORK/train-ddpm-plain.json" examples/train-ddpm.json \
        'c["network"]["condition_embedding"] = False'
    train_bundle "$X0" "$WORK/train-flow-x0.json" "$TRAIN"
    train_bundle "$PLAIN" "$WORK/train-ddpm-plain.json" "$TRAIN"
    wait_for_training
    validate flow-x0-euler-20 "$X0" euler:20
    validate flow-x0-ode-bs3-3e-2 "$X0" ode-bs3:3e-2
    validate ddpm-plain-ddim-20-eta1 "$PLAIN" ddim:20:1
    validate ddpm-plain-200 "$PLAIN" ddpm
    NEAREST=$WORK/flow-nearest.aerodiff
    recipe "$WORK/train-flow-nearest.json" examples/train-flow.json 'c["network"]["nearest_reference"] = True'
    train_bundle "$NEAREST" "$WORK/train-flow-nearest.json" "$TRAIN"
    wait_for_training
    validate flow-nearest-ddim-20-eta1 "$NEAREST" ddim:20:1
    validate flow-nearest-euler-20 "$NEAREST" euler:20
fi
/usr/bin/python3 validation/surrogates/summarize.py "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
