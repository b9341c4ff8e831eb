#!/usr/bin/env bash
# Accuracy of the shipped mesh-pooled stall surrogates on the test split of
# datasets/airfoil-stall-pooled (every condition simulated on five meshes and pooled, so that its
# spread is the flow's and the mesh's, not one mesh's settling; the data set's README.md):
#  - the flow pair (examples/stall-pooled-flow-seed1.aerodiff, -seed2) with at most 20 network
#    evaluations per sample (Euler and Heun on its ODE, Heun with its steps crowded toward the
#    noise, the sampler the pair records, and with 8 and 6 steps so; adaptive Bogacki-Shampine,
#    ancestral steps) and with more (ode-bs3:1e-2; the two as an equal mixture and averaged network
#    by network, 10 and 40 samples),
#  - the DDPM bundle (examples/stall-pooled-ddpm.aerodiff, high-noise training times as the flow
#    pair) with all 200 steps, which the flow runs are compared with, with 20 and 50 stochastic DDIM
#    steps (50 also crowded toward the noise, the sampler it records) and the probability-flow ODE,
#  - the same DDPM recipe with uniform training times, the bundle shipped before it (trained here
#    where missing),
#  - the flow pair against airfoil-stall's own test split, whose spread is one mesh's,
#  - the lookup of the training simulations (validate --nearest, 10 and 40 samples), and the
#    mixture with its spread calibrated on them (calibrate --fit-gain),
#  - on the 43 training conditions, the samplers the bundles record against their neighbours: the
#    grid exponents were chosen there (results/training-conditions/).
# Every run writes its metrics to results/NAME.json; validation/surrogates/summarize.py makes
# results/summary.md (errors against DDPM-200 and, in the last columns, over the simulations' spread).
# ONLY="name name" runs just those (validation/lib.sh). About 80 minutes on one core (DDPM-200 alone
# about 3 with 10 samples and 14 with 40, the 40-sample average about 4, the calibration about 3,
# the training conditions about 32), and 85 for the uniform-time DDPM bundle where it is missing.
# EXTRA=1 also trains (where missing) and scores seed 1 of the pair's recipe with the
# nearest-reference channels and with residual targets, and the DDPM recipe trained on the error
# of v instead of the noise, with high-noise and with uniform training times (not shipped; about 80
# minutes on one core each, two side by side; scoring the DDPM pair and the seed-1000 draws about 85
# minutes more), and the pair's recipe with uniform training times, both seeds (as long again).
# FINETUNE=1 trains the pair on for 3000 more steps (train --init) and scores it (see below).
# DRAWS=1 draws the comparisons again with more sampling seeds (see below).
# Usage (from anywhere): [EXTRA=1] [FINETUNE=1] [DRAWS=1] bash validation/stall-pooled/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=validation/stall-pooled/results
WORK=${WORK:-target/validation-stall-pooled}
SAMPLES=${SAMPLES:-10}
TEST=datasets/airfoil-stall-pooled/test.nc
TRAIN=datasets/airfoil-stall-pooled/train.nc
SEED1=examples/stall-pooled-flow-seed1.aerodiff
SEED2=examples/stall-pooled-flow-seed2.aerodiff
DDPM=examples/stall-pooled-ddpm.aerodiff
source validation/lib.sh

for seed in 1 2; do
    bundle=examples/stall-pooled-flow-seed$seed.aerodiff
    validate "flow-seed$seed-euler-20" "$bundle" euler:20
    validate "flow-seed$seed-heun-10" "$bundle" heun:10
    validate "flow-seed$seed-heun-10-rho04" "$bundle" heun:10:rho=0.4
    validate "flow-seed$seed-heun-8-rho04" "$bundle" heun:8:rho=0.4
    validate "flow-seed$seed-heun-6-rho04" "$bundle" heun:6:rho=0.4
    validate "flow-seed$seed-ode-bs3-7e-2" "$bundle" ode-bs3:7e-2
    validate "flow-seed$seed-ode-bs3-5e-2" "$bundle" ode-bs3:5e-2
    validate "flow-seed$seed-ddim-20-eta1" "$bundle" ddim:20:1
    validate "flow-seed$seed-ode-bs3-1e-2" "$bundle" ode-bs3:1e-2
done
SAMPLES=40 validate flow-seed1-heun-10-rho04-40 "$SEED1" heun:10:rho=0.4
validate flow-mix-heun-10-rho04 "$SEED1,$SEED2" heun:10:rho=0.4
SAMPLES=40 validate flow-mix-heun-10-rho04-40 "$SEED1,$SEED2" heun:10:rho=0.4
validate flow-mix-ode-bs3-1e-2 "$SEED1,$SEED2" ode-bs3:1e-2
SAMPLES=40 validate flow-mix-ode-bs3-1e-2-40 "$SEED1,$SEED2" ode-bs3:1e-2
validate flow-avg-ode-bs3-1e-2 "$SEED1,$SEED2" ode-bs3:1e-2 --average
SAMPLES=40 validate flow-avg-ode-bs3-1e-2-40 "$SEED1,$SEED2" ode-bs3:1e-2 --average
# the same against airfoil-stall's own test split, one mesh's runs (spread 0.0149)
TEST=datasets/airfoil-stall/test.nc validate flow-avg-ode-bs3-1e-2-one-mesh "$SEED1,$SEED2" ode-bs3:1e-2 --average
validate ddpm-200 "$DDPM" ddpm
SAMPLES=40 validate ddpm-200-40 "$DDPM" ddpm
validate ddpm-ddim-20-eta1 "$DDPM" ddim:20:1
validate ddpm-ddim-50-eta1 "$DDPM" ddim:50:1
validate ddpm-ddim-50-eta1-rho05 "$DDPM" ddim:50:1:rho=0.5
validate ddpm-ode-bs3-1e-2 "$DDPM" ode-bs3:1e-2
# the DDPM recipe with uniform training times, as shipped before (trained here where missing,
# about 85 minutes on one core; `git show 709ff86:examples/stall-pooled-ddpm.aerodiff` is that bundle)
UNIFORM=$WORK/stall-pooled-ddpm-uniform.aerodiff
recipe "$WORK/train-ddpm-stall-pooled-uniform.json" examples/train-ddpm-stall-pooled.json \
    'c["time_sampling"] = "uniform"'
train_bundle "$UNIFORM" "$WORK/train-ddpm-stall-pooled-uniform.json" "$TRAIN"
wait_for_training
validate ddpm-uniform-200 "$UNIFORM" ddpm
validate ddpm-uniform-ddim-20-eta1 "$UNIFORM" ddim:20:1
validate ddpm-uniform-ddim-50-eta1 "$UNIFORM" ddim:50:1
nearest nearest-train "$TRAIN"
SAMPLES=40 nearest nearest-train-40 "$TRAIN"
# the mixture's spread widened by per-channel gains fitted on its training conditions
# (calibrate --fit-gain; its figures in results/flow-mix-gain-calibration.json)
CALIBRATION=$WORK/flow-mix-gain.calibration.json
run flow-mix-gain-calibration calibrate --model "$SEED1,$SEED2" --against "$TRAIN" --sampler heun:10:rho=0.4 \
    --samples "$SAMPLES" --fit-gain --out "$CALIBRATION"
validate flow-mix-heun-10-rho04-calibrated "$SEED1,$SEED2" heun:10:rho=0.4 --calibration "$CALIBRATION"
SAMPLES=40 validate flow-mix-heun-10-rho04-40-calibrated "$SEED1,$SEED2" heun:10:rho=0.4 --calibration "$CALIBRATION"
# EXTRA=1: the pair's recipe, seed 1, given what the lookup of the training simulations says as six
# more condition channels (the moments of the nearest training simulations: "nearest_reference"),
# and learning only the difference from their mean ("nearest_residual"), since with 40 samples that
# lookup errs less on the std than the pair; not shipped; about 80 minutes on one core each, side by side
if [ -n "${EXTRA:-}" ]; then
    recipe "$WORK/train-flow-stall-pooled-nearest.json" examples/train-flow-stall-dense.json \
        'c["network"]["nearest_reference"] = True'
    recipe "$WORK/train-flow-stall-pooled-residual.json" examples/train-flow-stall-dense.json \
        'c["network"]["nearest_residual"] = True'
    for variant in nearest residual; do
        train_bundle "$WORK/flow-$variant-seed1.aerodiff" "$WORK/train-flow-stall-pooled-$variant.json" \
            "$TRAIN" --seed 1 --steps 12000
    done
    wait_for_training
    for variant in nearest residual; do
        bundle=$WORK/flow-$variant-seed1.aerodiff
        validate "flow-$variant-seed1-heun-10-rho04" "$bundle" heun:10:rho=0.4
        SAMPLES=40 validate "flow-$variant-seed1-heun-10-rho04-40" "$bundle" heun:10:rho=0.4
        validate "flow-$variant-seed1-ode-bs3-1e-2" "$bundle" ode-bs3:1e-2
    done
    # The DDPM recipe's loss, the noise's squared error, weighs the clean field's error by
    # alpha^2/sigma^2, which vanishes near pure noise, where the condition alone sets the estimate;
    # the error of v weighs it by 1 + alpha^2/sigma^2, as flow matching's velocity error nearly does
    recipe "$WORK/train-ddpm-stall-pooled-vloss.json" examples/train-ddpm-stall-pooled.json 'c["loss"] = "v"'
    recipe "$WORK/train-ddpm-stall-pooled-vloss-uniform.json" examples/train-ddpm-stall-pooled.json \
        'c["loss"] = "v"; c["time_sampling"] = "uniform"'
    for variant in vloss vloss-uniform; do
        train_bundle "$WORK/stall-pooled-ddpm-$variant.aerodiff" "$WORK/train-ddpm-stall-pooled-$variant.json" \
            "$TRAIN"
    done
    wait_for_training
    for variant in vloss vloss-uniform; do
        bundle=$WORK/stall-pooled-ddpm-$variant.aerodiff
        validate "ddpm-$variant-200" "$bundle" ddpm
        validate "ddpm-$variant-ddim-50-eta1-rho05" "$bundle" ddim:50:1:rho=0.5
        SAMPLES=40 validate "ddpm-$variant-200-40" "$bundle" ddpm
    done
    # the uniform-time one with fewer steps, and its grid exponent chosen on the training conditions
    VLOSS_UNIFORM=$WORK/stall-pooled-ddpm-vloss-uniform.aerodiff
    validate ddpm-vloss-uniform-ddim-20-eta1 "$VLOSS_UNIFORM" ddim:20:1
    validate ddpm-vloss-uniform-ddim-50-eta1 "$VLOSS_UNIFORM" ddim:50:1
    mkdir -p "$OUT/training-conditions"
    for r in 1 0.5 0.3; do
        OUT=$OUT/training-conditions TEST=$TRAIN validate "train-ddpm-vloss-uniform-ddim-50-eta1-rho${r/./}" \
            "$VLOSS_UNIFORM" "ddim:50:1:rho=$r"
    done
    # the 40-sample comparison drawn again with other sampling seeds
    SAMPLES=40 validate ddpm-vloss-uniform-200-40-seed1000 "$VLOSS_UNIFORM" ddpm --seed 1000
    SAMPLES=40 validate ddpm-200-40-seed1000 "$DDPM" ddpm --seed 1000
    SAMPLES=40 validate flow-mix-heun-10-rho04-40-seed1000 "$SEED1,$SEED2" heun:10:rho=0.4 --seed 1000
    # the pair's recipe with uniform training times, both seeds: uniform times took the v-loss DDPM
    # from 0.27 to 0.22 on the mean with 40 samples (about 80 minutes on one core each, side by side)
    recipe "$WORK/train-flow-stall-pooled-uniform.json" examples/train-flow-stall-dense.json \
        'c["time_sampling"] = "uniform"'
    for seed in 1 2; do
        train_bundle "$WORK/flow-uniform-seed$seed.aerodiff" "$WORK/train-flow-stall-pooled-uniform.json" \
            "$TRAIN" --seed $seed --steps 12000
    done
    wait_for_training
    FLOW_UNIFORM="$WORK/flow-uniform-seed1.aerodiff,$WORK/flow-uniform-seed2.aerodiff"
    for seed in 1 2; do
        validate "flow-uniform-seed$seed-heun-10-rho04" "$WORK/flow-uniform-seed$seed.aerodiff" heun:10:rho=0.4
    done
    validate flow-uniform-mix-heun-10 "$FLOW_UNIFORM" heun:10
    validate flow-uniform-mix-heun-10-rho04 "$FLOW_UNIFORM" heun:10:rho=0.4
    SAMPLES=40 validate flow-uniform-mix-heun-10-rho04-40 "$FLOW_UNIFORM" heun:10:rho=0.4
    SAMPLES=40 validate flow-uniform-mix-heun-10-rho04-40-seed1000 "$FLOW_UNIFORM" heun:10:rho=0.4 --seed 1000
    validate flow-uniform-mix-ode-bs3-1e-2 "$FLOW_UNIFORM" ode-bs3:1e-2
    for r in 1 0.5 0.4 0.3; do
        OUT=$OUT/training-conditions TEST=$TRAIN validate "train-flow-uniform-mix-heun-10-rho${r/./}" \
            "$FLOW_UNIFORM" "heun:10:rho=$r"
    done
    # its spread widened by gains fitted on the training conditions, as the shipped pair's
    UNIFORM_CALIBRATION=$WORK/flow-uniform-mix-gain.calibration.json
    run flow-uniform-mix-gain-calibration calibrate --model "$FLOW_UNIFORM" --against "$TRAIN" \
        --sampler heun:10:rho=0.4 --samples "$SAMPLES" --fit-gain --out "$UNIFORM_CALIBRATION"
    validate flow-uniform-mix-heun-10-rho04-calibrated "$FLOW_UNIFORM" heun:10:rho=0.4 \
        --calibration "$UNIFORM_CALIBRATION"
    SAMPLES=40 validate flow-uniform-mix-heun-10-rho04-40-calibrated "$FLOW_UNIFORM" heun:10:rho=0.4 \
        --calibration "$UNIFORM_CALIBRATION"
    SAMPLES=40 validate flow-uniform-mix-heun-10-rho04-40-calibrated-seed1000 "$FLOW_UNIFORM" heun:10:rho=0.4 \
        --calibration "$UNIFORM_CALIBRATION" --seed 1000
    # both pairs, high-noise and uniform times, as one mixture of four
    FOUR="$SEED1,$SEED2,$FLOW_UNIFORM"
    validate flow-four-mix-heun-10-rho04 "$FOUR" heun:10:rho=0.4
    SAMPLES=40 validate flow-four-mix-heun-10-rho04-40 "$FOUR" heun:10:rho=0.4
    SAMPLES=40 validate flow-four-mix-heun-10-rho04-40-seed1000 "$FOUR" heun:10:rho=0.4 --seed 1000
    OUT=$OUT/training-conditions TEST=$TRAIN validate train-flow-four-mix-heun-10-rho04 "$FOUR" heun:10:rho=0.4
    # one-step clean-field error by noise level on the test split, against the shipped bundles'
    mkdir -p "$OUT/denoising"
    for bundle in "$DDPM" "$SEED1" "$WORK/stall-pooled-ddpm-vloss.aerodiff" \
            "$WORK/stall-pooled-ddpm-vloss-uniform.aerodiff" "$WORK/flow-uniform-seed1.aerodiff"; do
        OUT=$OUT/denoising run "denoising-$(basename "$bundle" .aerodiff)" denoising --model "$bundle" \
            --data "$TEST"
    done
fi
# FINETUNE=1: the pair trained on for 3000 more steps, each from its shipped bundle (train --init) at
# a lower peak learning rate (2e-4 against 5e-4) and on fresh batches (seeds 101 and 102), since it
# is too narrow on its training conditions as well; not shipped; about 40 minutes on one core each,
# side by side, and 10 for the scores, twice (the velocity's error, then the clean field's)
if [ -n "${FINETUNE:-}" ]; then
    for seed in 1 2; do
        train_bundle "$WORK/flow-ft3k-seed$seed.aerodiff" examples/train-flow-stall-dense.json "$TRAIN" \
            --init "examples/stall-pooled-flow-seed$seed.aerodiff" --seed "10$seed" --steps 3000 --lr 2e-4
    done
    wait_for_training
    TUNED="$WORK/flow-ft3k-seed1.aerodiff,$WORK/flow-ft3k-seed2.aerodiff"
    validate flow-ft3k-mix-heun-10-rho04 "$TUNED" heun:10:rho=0.4
    SAMPLES=40 validate flow-ft3k-mix-heun-10-rho04-40 "$TUNED" heun:10:rho=0.4
    SAMPLES=40 validate flow-ft3k-mix-heun-10-rho04-40-seed1000 "$TUNED" heun:10:rho=0.4 --seed 1000
    OUT=$OUT/training-conditions TEST=$TRAIN validate train-flow-ft3k-mix-heun-10-rho04 "$TUNED" heun:10:rho=0.4
    # the same 3000 steps on the clean field's error ("loss": "x0", which weighs the velocity's error
    # by t^2): still more weight near the noise, where each sample's large structures are chosen
    recipe "$WORK/train-flow-stall-pooled-x0loss.json" examples/train-flow-stall-dense.json 'c["loss"] = "x0"'
    for seed in 1 2; do
        train_bundle "$WORK/flow-ft3k-x0loss-seed$seed.aerodiff" "$WORK/train-flow-stall-pooled-x0loss.json" \
            "$TRAIN" --init "examples/stall-pooled-flow-seed$seed.aerodiff" --seed "10$seed" --steps 3000 --lr 2e-4
    done
    wait_for_training
    TUNED_X0="$WORK/flow-ft3k-x0loss-seed1.aerodiff,$WORK/flow-ft3k-x0loss-seed2.aerodiff"
    validate flow-ft3k-x0loss-mix-heun-10-rho04 "$TUNED_X0" heun:10:rho=0.4
    SAMPLES=40 validate flow-ft3k-x0loss-mix-heun-10-rho04-40 "$TUNED_X0" heun:10:rho=0.4
    SAMPLES=40 validate flow-ft3k-x0loss-mix-heun-10-rho04-40-seed1000 "$TUNED_X0" heun:10:rho=0.4 --seed 1000
    OUT=$OUT/training-conditions TEST=$TRAIN validate train-flow-ft3k-x0loss-mix-heun-10-rho04 "$TUNED_X0" \
        heun:10:rho=0.4
fi
# DRAWS=1: the comparisons drawn again with more sampling seeds (1000 to 4000), since with six
# conditions one draw moves the error of the mean by a tenth: the shipped flow pair against DDPM-200
# with 10 samples (is flow within 10% of DDPM-200 in every draw?), and with 40 both (seed 1000 is
# above) and the pair with the shipped calibration of its spread; about 3.5 hours on one core, 2 to
# 2.5 of them the 40-sample DDPM-200 draws. The lookup needs no more draws: 40 samples take each of its 20 or 40 pooled
# snapshots equally often, whatever the seed.
if [ -n "${DRAWS:-}" ]; then
    for s in 1000 2000 3000 4000; do
        validate "flow-mix-heun-10-rho04-seed$s" "$SEED1,$SEED2" heun:10:rho=0.4 --seed "$s"
        validate "ddpm-200-seed$s" "$DDPM" ddpm --seed "$s"
        if [ "$s" != 1000 ]; then
            SAMPLES=40 validate "flow-mix-heun-10-rho04-40-seed$s" "$SEED1,$SEED2" heun:10:rho=0.4 --seed "$s"
            SAMPLES=40 validate "ddpm-200-40-seed$s" "$DDPM" ddpm --seed "$s"
        fi
        SAMPLES=40 validate "flow-mix-heun-10-rho04-40-calibrated-seed$s" "$SEED1,$SEED2" heun:10:rho=0.4 \
            --calibration examples/stall-pooled-flow.calibration.json --seed "$s"
    done
fi
# The grid exponents the bundles record, chosen on the training conditions (the test split was not
# consulted): the mixture with Heun's 10 steps, equal and crowded toward the noise, and on the
# converged ODE; DDPM with 50 stochastic steps, equal and crowded
CHOICE=$OUT/training-conditions
mkdir -p "$CHOICE"
for r in 1 0.5 0.4 0.3; do
    OUT=$CHOICE TEST=$TRAIN validate "train-flow-mix-heun-10-rho${r/./}" "$SEED1,$SEED2" "heun:10:rho=$r"
done
for r in 1 0.5 0.3; do
    OUT=$CHOICE TEST=$TRAIN validate "train-ddpm-ddim-50-eta1-rho${r/./}" "$DDPM" "ddim:50:1:rho=$r"
done
OUT=$CHOICE TEST=$TRAIN validate train-flow-mix-ode-bs3-1e-2 "$SEED1,$SEED2" ode-bs3:1e-2
/usr/bin/python3 validation/surrogates/summarize.py "$CHOICE" > "$CHOICE/summary.md"
/usr/bin/python3 validation/surrogates/summarize.py "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
