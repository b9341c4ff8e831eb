#!/usr/bin/env bash
# The EXTRA=1 part of validation/stall/run.sh, which sources it (with OUT, WORK, DATA, TEST, FLOW,
# DDPM and the helpers of validation/lib.sh and run.sh set); run it as EXTRA=1 bash
# validation/stall/run.sh.
#
# Experiments, not shipped, validated like the shipped bundles:
# - the flow recipe without the condition embedding (what was shipped before it), also on the
#   train split; the same with twice the steps, and on both shipped train splits merged (also on
#   the test split of airfoil-rans, results/rans-test/); about 35, 65 and 35 minutes on one core
#   each, side by side; then twice the widths (base 32, 2.5 M weights) for half the steps (1800),
#   on two cores, 35 minutes;
# - DDPM without the condition embedding (what was shipped before it; DDIM-20 with eta 1 and
#   DDPM-200), also on the train split, about 40 minutes;
# - the shipped flow recipe with a network that outputs the clean field ("output": "x0"), also on
#   the train split, about 75 minutes;
# - seeds 2 to 5 of the shipped flow recipe, two at a time, each on one core, about 30 minutes a
#   pair; the equal mixture of the first three seeds (validate --model A,B,C: each draws its share
#   of every ensemble), on the test and train splits, and with 10 samples from each seed; the
#   mixture of all five, also with 10 samples from each; seed 2 also on the thickness, shapes and
#   train splits (the run-to-run noise on airfoils the train split lacks, and on those it has); the five seeds averaged network
#   by network (validate --average: every sample drawn with the mean of the five networks'
#   predictions at each step, 100 network evaluations), also on the train split, about 15 minutes;
# - the shipped flow recipe with a power-function moving average of the weights
#   ("ema_relative_std": 0.1, in place of the fixed decay 0.995: 83% of the average's weight on
#   the last fifth of the run, not on its last 200 steps), seeds 1 and 2, each on one core, side
#   by side, about 30 minutes;
# - the shipped flow recipe with twice the widths (base 32, widths 32-64-128, 2.5 M weights), seeds
#   1 and 2, one after the other on two cores, about 45 minutes each;
# - the shipped flow recipe on the train split and the dense split merged (83 conditions, every
#   degree across the settle/scatter boundary; only where $DATA/dense.nc exists, which
#   datasets/airfoil-stall/README.md says how to make), on two cores, about 60 minutes; then the
#   same with twice the steps (7200: 35 passes over the 83 conditions, where 3600 on the 29 of the
#   train split are 50), on two cores, about 45 minutes; then without the dense split's two
#   15%-thick airfoils, NACA 0015 and 23015 (69 conditions, 6000 steps: 35 passes), on two cores,
#   about 35 minutes;
# - the shipped flow bundle and the nearest-simulation baseline on the thickness and shapes splits,
#   airfoils the train split does not have (results/thickness-split/, results/shapes-split/; a few
#   minutes each, where those splits exist);
# - the shipped flow recipe with a weight decay of 1 in place of 1e-4 (the learning rate sums to
#   about 1 over the run, so weights that the loss does not hold shrink to e^-1 of themselves; with
#   1e-4 by 0.01%) and with half the widths (base 8), each on one core, side by side, 23 and 12
#   minutes; also on the thickness and shapes splits (does either generalize to new airfoils
#   better?);
# - the shipped flow recipe with the nearest-reference channels ("nearest_reference": true: the
#   mean and std of the nearest training simulations, which validate --nearest copies, as six more
#   condition channels, so that the network learns a correction to the lookup), seeds 1 and 2,
#   each on one core, side by side, about 23 minutes; also on the thickness and shapes splits; then
#   the same with targets relative to the reference's mean ("nearest_residual": true: the network
#   learns the difference from the nearest simulation, which sampling adds back), likewise;
# - the shipped flow recipe trained twice as long (7200 steps, 100 passes; the condition embedding
#   included, which the earlier flow-7200 run lacked), seeds 1 and 2, each on one core, side by
#   side, about 47 minutes; also on the thickness and shapes splits; then seed 1 for 14400 steps
#   (flow-longer, 200 passes), on one core, about 95 minutes;
# - the shipped flow recipe with logit-normal training times ("time_sampling": "logit-normal", more
#   of the loss at middle noise levels), seeds 1 and 2, each on one core, side by side, about 30
#   minutes;
# - the shipped flow recipe with low-noise training times ("time_sampling": "low-noise", t = u^2:
#   half the samples below t = 1/4) and with high-noise ones ("high-noise", t = 1 - u^2: half above
#   3/4), seeds 1 and 2, the two samplings side by side on one core each, about 22 minutes per
#   seed: which end of the noise levels makes the spread the network invents where the simulations
#   settle?
# - autoguidance (validate --guidance W: every step W times a network's prediction minus W - 1 times
#   that of a weaker version of it; Karras et al. 2024): flow-longer guided by the shipped flow
#   bundle (its recipe trained a quarter as long), W = 1.5 and 2, and the shipped flow bundle guided
#   by flow-base8 (its recipe at half the widths), W = 1.5 and 2; no training, on the test and
#   train splits, a few minutes each;
# - the shipped flow recipe on the train split and the thickness split merged (NACA 2418 at the
#   train split's ten angle/Re pairs, so that the test split's 15%-thick NACA 2415 lies between
#   thicknesses the network has seen; 39 conditions, 4800 steps: 50 passes, as the shipped 3600 on
#   29), on two cores, about 27 minutes (only where $DATA/thickness.nc exists: SPLITS=thickness
#   bash datasets/generate.sh $DATA, about 10 minutes);
# - the lookup of the thickness split alone on the test split (nearest-thickness: what copying NACA
#   2418's nearest simulation gives for NACA 2415; the other airfoils' rows mean nothing), seconds;
# - the shipped flow recipe with the wall-distance condition channel ("wall_distance": true), on
#   the train split (3600 steps) and on train + thickness (4800), each on one core, side by side,
#   about 65 minutes; then the latter with another seed (run-to-run noise), on two cores, about 27;
#   then the latter for twice the steps (flow-thick-wd-long, 9600: 100 passes), on one core, about
#   65 minutes; then that with seeds 2 and 3, each on one core, side by side, about 60 minutes; the
#   three as an equal mixture and averaged network by network (--average); each of these four on the
#   test and the shapes split; then flow-thick-wd with high-noise training times ("time_sampling":
#   "high-noise"), seeds 1 and 2, each on one core, side by side, about 35 minutes; then seeds 3
#   and 4 likewise; the four seeds as an equal mixture (also with 10 samples from each) and
#   averaged network by network, on the test split; then seeds 1 to 4 for twice the steps
#   (flow-thick-wd-highnoise-long, 9600), two at a time, each on one core, about 70 minutes a
#   pair; then seeds 5 and 6 of flow-thick-wd-highnoise, about 30 minutes; all ten on the shapes
#   split, a split of other airfoils to choose a seed by; of each of the three train + thickness
#   recipes the seed lowest there, the three as an equal mixture and averaged network by network
#   (flow-thick-selected-mix, -avg), on the test split;
# - the same recipe on train + thickness + the shapes split (NACA 0015, 0018, 4415 and 4418 at the
#   train split's ten angle/Re pairs: more airfoils around the unseen NACA 2415; 78 conditions,
#   7200 steps: 37 passes), seeds 1 and 2, each on one core, side by side, about 55 minutes (only
#   where $DATA/shapes.nc exists as well: SPLITS=shapes bash datasets/generate.sh $DATA, about 20
#   minutes); then the same without NACA 0018, which settles up to 18 degrees and scatters from 20
#   (68 conditions, 6300 steps: 37 passes), about 45 minutes; and the equal mixture of those four
#   bundles, also with 10 samples from each; then the no-0018 recipe with high-noise training times
#   (flow-shapes-no0018-wd-highnoise), seeds 1 and 2, each on one core, side by side, about 50
#   minutes;
# - the high-noise recipe on train + thickness + the dense split, then with the between split
#   too: validation/stall/experiments-dense.sh (only where $DATA/dense.nc exists);
# - the high-noise recipe on train + thickness with the condition embedding that the dense split's
#   Reynolds numbers give (flow-thick-wd-highnoise-fine: a fastest log-speed period of 4 ln 1.5 in
#   place of the 4 ln 3 that train + thickness give, angles as before; 4800 steps), seeds 1 and 2,
#   each on one core, side by side, about 40 minutes: the finer embedding without the finer data.

# lowest_on_shapes NAME...: the NAME whose ddim:20:1 validation on the shapes split has the lowest
# error of the mean (a choice among seeds that leaves the test split out)
lowest_on_shapes() {
    /usr/bin/python3 - "$OUT/shapes-split" "$@" <<'PY'
import json, sys
errors = {n: json.load(open(f"{sys.argv[1]}/{n}-ddim-20-eta1.json"))["models"][0]["error_mean"] for n in sys.argv[2:]}
print(min(errors, key=errors.get))
PY
}

PLAIN_RECIPE=$WORK/train-flow-plain.json
recipe "$PLAIN_RECIPE" examples/train-flow-stall.json 'c["network"]["condition_embedding"] = False'
PLAIN=$WORK/flow-plain.aerodiff
LONG=$WORK/flow-7200.aerodiff
BOTH=$WORK/flow-both.aerodiff
merge_once "$WORK/both-train.nc" datasets/airfoil-rans/train.nc "$DATA/train.nc"
train_bundle "$PLAIN" "$PLAIN_RECIPE" "$DATA/train.nc"
train_bundle "$LONG" "$PLAIN_RECIPE" "$DATA/train.nc" --steps 7200
train_bundle "$BOTH" "$PLAIN_RECIPE" "$WORK/both-train.nc"
wait_for_training
validate flow-plain-euler-20 "$PLAIN" euler:20
on_split "$DATA/train.nc" train-split flow-plain-euler-20 "$PLAIN"
validate flow-7200-euler-20 "$LONG" euler:20
validate flow-both-euler-20 "$BOTH" euler:20
on_split datasets/airfoil-rans/test.nc rans-test flow-both-euler-20 "$BOTH"

WIDE=$WORK/flow-base32.aerodiff
recipe "$WORK/train-flow-base32.json" "$PLAIN_RECIPE" 'c["network"]["base"] = 32'
THREADS=2 train_bundle "$WIDE" "$WORK/train-flow-base32.json" "$DATA/train.nc" --steps 1800
wait_for_training
validate flow-base32-euler-20 "$WIDE" euler:20
on_split "$DATA/train.nc" train-split flow-base32-euler-20 "$WIDE"

PLAIN_DDPM=$WORK/ddpm-plain.aerodiff
recipe "$WORK/train-ddpm-plain.json" examples/train-ddpm-stall.json \
    'c["network"]["condition_embedding"] = False'
train_bundle "$PLAIN_DDPM" "$WORK/train-ddpm-plain.json" "$DATA/train.nc"
wait_for_training
validate ddpm-plain-ddim-20-eta1 "$PLAIN_DDPM" ddim:20:1
validate ddpm-plain-200 "$PLAIN_DDPM" ddpm
on_split "$DATA/train.nc" train-split ddpm-plain-ddim-20-eta1 "$PLAIN_DDPM" ddim:20:1

X0=$WORK/flow-x0.aerodiff
recipe "$WORK/train-flow-x0.json" examples/train-flow-stall.json 'c["output"] = "x0"'
train_bundle "$X0" "$WORK/train-flow-x0.json" "$DATA/train.nc"
wait_for_training
validate flow-x0-euler-20 "$X0" euler:20
on_split "$DATA/train.nc" train-split flow-x0-euler-20 "$X0"

for seed in 2 3 4 5; do
    train_bundle "$WORK/flow-seed$seed.aerodiff" examples/train-flow-stall.json "$DATA/train.nc" --seed "$seed"
    if [ "$seed" = 3 ] || [ "$seed" = 5 ]; then
        wait_for_training
    fi
done
SEEDS5=$FLOW
for seed in 2 3 4 5; do
    validate "flow-seed$seed-ddim-20-eta1" "$WORK/flow-seed$seed.aerodiff" ddim:20:1
    SEEDS5=$SEEDS5,$WORK/flow-seed$seed.aerodiff
done
unseen_airfoils flow-seed2 "$WORK/flow-seed2.aerodiff"
on_split "$DATA/train.nc" train-split flow-seed2-ddim-20-eta1 "$WORK/flow-seed2.aerodiff" ddim:20:1
SEEDS3=$FLOW,$WORK/flow-seed2.aerodiff,$WORK/flow-seed3.aerodiff
validate flow-seeds-mix-ddim-20-eta1 "$SEEDS3" ddim:20:1
on_split "$DATA/train.nc" train-split flow-seeds-mix-ddim-20-eta1 "$SEEDS3" ddim:20:1
SAMPLES=30 validate flow-seeds-mix-30-ddim-20-eta1 "$SEEDS3" ddim:20:1
SAMPLES=30 on_split "$DATA/train.nc" train-split flow-seeds-mix-30-ddim-20-eta1 "$SEEDS3" ddim:20:1
validate flow-seeds5-mix-ddim-20-eta1 "$SEEDS5" ddim:20:1
SAMPLES=50 validate flow-seeds5-mix-50-ddim-20-eta1 "$SEEDS5" ddim:20:1
validate flow-seeds5-avg-ddim-20-eta1 "$SEEDS5" ddim:20:1 --average
on_split "$DATA/train.nc" train-split flow-seeds5-avg-ddim-20-eta1 "$SEEDS5" ddim:20:1 --average
PEMA_RECIPE=$WORK/train-flow-pema.json
recipe "$PEMA_RECIPE" examples/train-flow-stall.json 'del c["ema_decay"]; c["ema_relative_std"] = 0.1'
two_seeds flow-pema "$PEMA_RECIPE" "$DATA/train.nc" 3600
WIDE_RECIPE=$WORK/train-flow-wide.json
recipe "$WIDE_RECIPE" examples/train-flow-stall.json 'c["network"]["base"] = 32'
THREADS=2 train_bundle "$WORK/flow-wide.aerodiff" "$WIDE_RECIPE" "$DATA/train.nc"
wait_for_training
validate_flow flow-wide "$WORK/flow-wide.aerodiff"
THREADS=2 train_bundle "$WORK/flow-wide-seed2.aerodiff" "$WIDE_RECIPE" "$DATA/train.nc" --seed 2
wait_for_training
validate flow-wide-seed2-ddim-20-eta1 "$WORK/flow-wide-seed2.aerodiff" ddim:20:1
on_split "$DATA/train.nc" train-split flow-wide-seed2-ddim-20-eta1 "$WORK/flow-wide-seed2.aerodiff" ddim:20:1
DECAY_RECIPE=$WORK/train-flow-decay1.json
recipe "$DECAY_RECIPE" examples/train-flow-stall.json 'c["weight_decay"] = 1.0'
NARROW_RECIPE=$WORK/train-flow-base8.json
recipe "$NARROW_RECIPE" examples/train-flow-stall.json 'c["network"]["base"] = 8'
train_bundle "$WORK/flow-decay1.aerodiff" "$DECAY_RECIPE" "$DATA/train.nc"
train_bundle "$WORK/flow-base8.aerodiff" "$NARROW_RECIPE" "$DATA/train.nc"
wait_for_training
for name in flow-decay1 flow-base8; do
    validate_flow "$name" "$WORK/$name.aerodiff"
    unseen_airfoils "$name" "$WORK/$name.aerodiff"
done
NEAREST_RECIPE=$WORK/train-flow-nearest.json
recipe "$NEAREST_RECIPE" examples/train-flow-stall.json 'c["network"]["nearest_reference"] = True'
two_seeds flow-nearest "$NEAREST_RECIPE" "$DATA/train.nc" 3600
unseen_airfoils flow-nearest "$WORK/flow-nearest.aerodiff"
unseen_airfoils flow-nearest-seed2 "$WORK/flow-nearest-seed2.aerodiff"
RESIDUAL_RECIPE=$WORK/train-flow-residual.json
recipe "$RESIDUAL_RECIPE" examples/train-flow-stall.json 'c["network"]["nearest_residual"] = True'
two_seeds flow-residual "$RESIDUAL_RECIPE" "$DATA/train.nc" 3600
unseen_airfoils flow-residual "$WORK/flow-residual.aerodiff"
unseen_airfoils flow-residual-seed2 "$WORK/flow-residual-seed2.aerodiff"
two_seeds flow-long examples/train-flow-stall.json "$DATA/train.nc" 7200
unseen_airfoils flow-long "$WORK/flow-long.aerodiff"
unseen_airfoils flow-long-seed2 "$WORK/flow-long-seed2.aerodiff"
train_bundle "$WORK/flow-longer.aerodiff" examples/train-flow-stall.json "$DATA/train.nc" --steps 14400
wait_for_training
validate_flow flow-longer "$WORK/flow-longer.aerodiff"
unseen_airfoils flow-longer "$WORK/flow-longer.aerodiff"
LOGIT_RECIPE=$WORK/train-flow-logit.json
recipe "$LOGIT_RECIPE" examples/train-flow-stall.json 'c["time_sampling"] = "logit-normal"'
two_seeds flow-logit "$LOGIT_RECIPE" "$DATA/train.nc" 3600
for seed in 1 2; do
    suffix=$([ "$seed" = 1 ] || echo "-seed$seed")
    for end in low high; do
        recipe "$WORK/train-flow-${end}noise.json" examples/train-flow-stall.json \
            "c['time_sampling'] = '$end-noise'"
        train_bundle "$WORK/flow-${end}noise$suffix.aerodiff" "$WORK/train-flow-${end}noise.json" \
            "$DATA/train.nc" --steps 3600 --seed "$seed"
    done
    wait_for_training
    for end in low high; do
        validate_flow "flow-${end}noise$suffix" "$WORK/flow-${end}noise$suffix.aerodiff"
    done
done
for w in 1.5 2; do
    for guided in "flow-longer-guided-$w:$WORK/flow-longer.aerodiff,$FLOW" \
            "flow-guided-base8-$w:$FLOW,$WORK/flow-base8.aerodiff"; do
        validate "${guided%%:*}-ddim-20-eta1" "${guided#*:}" ddim:20:1 --guidance "$w"
        on_split "$DATA/train.nc" train-split "${guided%%:*}-ddim-20-eta1" "${guided#*:}" ddim:20:1 \
            --guidance "$w"
    done
done

if [ -f "$DATA/dense.nc" ]; then
    DENSE=$WORK/flow-dense.aerodiff
    merge_once "$WORK/train-dense.nc" "$DATA/train.nc" "$DATA/dense.nc"
    THREADS=2 train_bundle "$DENSE" examples/train-flow-stall.json "$WORK/train-dense.nc"
    wait_for_training
    validate_flow flow-dense "$DENSE"
    DENSE_LONG=$WORK/flow-dense-7200.aerodiff
    THREADS=2 train_bundle "$DENSE_LONG" examples/train-flow-stall.json "$WORK/train-dense.nc" --steps 7200
    wait_for_training
    validate_flow flow-dense-7200 "$DENSE_LONG"
    THIN=$WORK/flow-dense-thin.aerodiff
    merge_once "$WORK/train-dense-thin.nc" --drop-airfoil naca0015,naca23015 "$DATA/train.nc" "$DATA/dense.nc"
    THREADS=2 train_bundle "$THIN" examples/train-flow-stall.json "$WORK/train-dense-thin.nc" --steps 6000
    wait_for_training
    validate_flow flow-dense-thin "$THIN"
else
    echo "skipping flow-dense: $DATA/dense.nc is missing (SPLITS=dense bash datasets/generate.sh $DATA)" >&2
fi
unseen_airfoils flow "$FLOW"
for split in thickness shapes; do
    if [ -f "$DATA/$split.nc" ]; then
        TEST=$DATA/$split.nc OUT=$OUT/$split-split WORK=$WORK/$split-split nearest nearest-train "$DATA/train.nc"
    fi
done
if [ -f "$DATA/thickness.nc" ]; then
    nearest nearest-thickness "$DATA/thickness.nc"    # NACA 2415 answered with NACA 2418 alone
    THICK=$WORK/flow-thick.aerodiff
    merge_once "$WORK/train-thick.nc" "$DATA/train.nc" "$DATA/thickness.nc"
    THREADS=2 train_bundle "$THICK" examples/train-flow-stall.json "$WORK/train-thick.nc" --steps 4800
    wait_for_training
    validate_flow flow-thick "$THICK"
    WD_RECIPE=$WORK/train-flow-wd.json
    recipe "$WD_RECIPE" examples/train-flow-stall.json 'c["network"]["wall_distance"] = True'
    WD=$WORK/flow-wd.aerodiff
    THICK_WD=$WORK/flow-thick-wd.aerodiff
    train_bundle "$WD" "$WD_RECIPE" "$DATA/train.nc"
    train_bundle "$THICK_WD" "$WD_RECIPE" "$WORK/train-thick.nc" --steps 4800
    wait_for_training
    validate_flow flow-wd "$WD"
    validate_flow flow-thick-wd "$THICK_WD"
    SEED2=$WORK/flow-thick-wd-seed2.aerodiff
    THREADS=2 train_bundle "$SEED2" "$WD_RECIPE" "$WORK/train-thick.nc" --steps 4800 --seed 2
    wait_for_training
    validate flow-thick-wd-seed2-ddim-20-eta1 "$SEED2" ddim:20:1
    THICK_WD_LONG=$WORK/flow-thick-wd-long.aerodiff
    train_bundle "$THICK_WD_LONG" "$WD_RECIPE" "$WORK/train-thick.nc" --steps 9600
    wait_for_training
    validate_flow flow-thick-wd-long "$THICK_WD_LONG"
    if [ -f "$DATA/shapes.nc" ]; then      # the thickness split is in its training data
        on_split "$DATA/shapes.nc" shapes-split flow-thick-wd-long-ddim-20-eta1 "$THICK_WD_LONG" ddim:20:1
    fi
    LONG_SEEDS=$THICK_WD_LONG
    for seed in 2 3; do
        train_bundle "$WORK/flow-thick-wd-long-seed$seed.aerodiff" "$WD_RECIPE" "$WORK/train-thick.nc" \
            --steps 9600 --seed "$seed"
        LONG_SEEDS=$LONG_SEEDS,$WORK/flow-thick-wd-long-seed$seed.aerodiff
    done
    wait_for_training
    for name in flow-thick-wd-long-seed2 flow-thick-wd-long-seed3 flow-thick-wd-long-mix flow-thick-wd-long-avg; do
        case $name in
            *-mix) bundles=$LONG_SEEDS flags=() ;;
            *-avg) bundles=$LONG_SEEDS flags=(--average) ;;
            *) bundles=$WORK/$name.aerodiff flags=() ;;
        esac
        validate "$name-ddim-20-eta1" "$bundles" ddim:20:1 "${flags[@]}"
        if [ -f "$DATA/shapes.nc" ]; then
            on_split "$DATA/shapes.nc" shapes-split "$name-ddim-20-eta1" "$bundles" ddim:20:1 "${flags[@]}"
        fi
    done
    WD_HIGH_RECIPE=$WORK/train-flow-wd-highnoise.json
    recipe "$WD_HIGH_RECIPE" "$WD_RECIPE" 'c["time_sampling"] = "high-noise"'
    two_seeds flow-thick-wd-highnoise "$WD_HIGH_RECIPE" "$WORK/train-thick.nc" 4800
    seeds flow-thick-wd-highnoise "$WD_HIGH_RECIPE" "$WORK/train-thick.nc" 4800 3 4
    HIGH_SEEDS=$(seed_bundles flow-thick-wd-highnoise 1 2 3 4)
    validate flow-thick-wd-highnoise-mix-ddim-20-eta1 "$HIGH_SEEDS" ddim:20:1
    SAMPLES=40 validate flow-thick-wd-highnoise-mix-40-ddim-20-eta1 "$HIGH_SEEDS" ddim:20:1
    validate flow-thick-wd-highnoise-avg-ddim-20-eta1 "$HIGH_SEEDS" ddim:20:1 --average
    two_seeds flow-thick-wd-highnoise-long "$WD_HIGH_RECIPE" "$WORK/train-thick.nc" 9600
    seeds flow-thick-wd-highnoise-long "$WD_HIGH_RECIPE" "$WORK/train-thick.nc" 9600 3 4
    seeds flow-thick-wd-highnoise "$WD_HIGH_RECIPE" "$WORK/train-thick.nc" 4800 5 6
    if [ -f "$DATA/shapes.nc" ]; then   # a split of other airfoils to choose a seed by
        for name in flow-thick-wd-highnoise{,-long}{,-seed2,-seed3,-seed4} flow-thick-wd-highnoise-seed{5,6}; do
            on_split "$DATA/shapes.nc" shapes-split "$name-ddim-20-eta1" "$WORK/$name.aerodiff" ddim:20:1
        done
        # of each train + thickness recipe's seeds the one with the lowest shapes-split error of
        # the mean, the three as an equal mixture and averaged network by network
        SELECTED=$WORK/$(lowest_on_shapes flow-thick-wd-long{,-seed2,-seed3}).aerodiff
        SELECTED=$SELECTED,$WORK/$(lowest_on_shapes flow-thick-wd-highnoise{,-seed2,-seed3,-seed4,-seed5,-seed6}).aerodiff
        SELECTED=$SELECTED,$WORK/$(lowest_on_shapes flow-thick-wd-highnoise-long{,-seed2,-seed3,-seed4}).aerodiff
        validate flow-thick-selected-mix-ddim-20-eta1 "$SELECTED" ddim:20:1
        validate flow-thick-selected-avg-ddim-20-eta1 "$SELECTED" ddim:20:1 --average
        merge_once "$WORK/train-shapes.nc" "$DATA/train.nc" "$DATA/thickness.nc" "$DATA/shapes.nc"
        two_seeds flow-shapes-wd "$WD_RECIPE" "$WORK/train-shapes.nc" 7200
        merge_once "$WORK/train-shapes-no0018.nc" --drop-airfoil naca0018 \
            "$DATA/train.nc" "$DATA/thickness.nc" "$DATA/shapes.nc"
        two_seeds flow-shapes-no0018-wd "$WD_RECIPE" "$WORK/train-shapes-no0018.nc" 6300
        two_seeds flow-shapes-no0018-wd-highnoise "$WD_HIGH_RECIPE" "$WORK/train-shapes-no0018.nc" 6300
        SHAPES_MIX=$WORK/flow-shapes-wd.aerodiff,$WORK/flow-shapes-wd-seed2.aerodiff
        SHAPES_MIX=$SHAPES_MIX,$WORK/flow-shapes-no0018-wd.aerodiff,$WORK/flow-shapes-no0018-wd-seed2.aerodiff
        validate flow-shapes-mix-ddim-20-eta1 "$SHAPES_MIX" ddim:20:1
        SAMPLES=40 validate flow-shapes-mix-40-ddim-20-eta1 "$SHAPES_MIX" ddim:20:1
    else
        echo "skipping flow-shapes-wd: $DATA/shapes.nc is missing" \
            "(SPLITS=shapes bash datasets/generate.sh $DATA)" >&2
    fi
    # every degree across the settle/scatter boundary as well (where dense.nc is missing, the
    # flow-dense block above has said so)
    if [ -f "$DATA/dense.nc" ]; then
        source validation/stall/experiments-dense.sh
    fi
    # the dense-split run's condition embedding on train + thickness alone: does the finer
    # log-speed period, or the data, keep NACA 0012 at 19 degrees?
    FINE_RECIPE=$WORK/train-flow-wd-highnoise-fine.json
    recipe "$FINE_RECIPE" "$WD_HIGH_RECIPE" 'import math
c["network"]["condition_embedding"] = {"angle_period_deg": 4.0, "log_speed_period": 4 * math.log(1.5)}'
    two_seeds flow-thick-wd-highnoise-fine "$FINE_RECIPE" "$WORK/train-thick.nc" 4800
else
    echo "skipping flow-thick and flow-wd: $DATA/thickness.nc is missing" \
        "(SPLITS=thickness bash datasets/generate.sh $DATA)" >&2
fi
