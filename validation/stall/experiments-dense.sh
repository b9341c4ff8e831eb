#!/usr/bin/env bash
# The experiments on the dense and between splits, part of EXTRA=1 of validation/stall/run.sh:
# validation/stall/experiments.sh sources this where $DATA/dense.nc exists, after the train +
# thickness experiments (WD_HIGH_RECIPE and the helpers of validation/lib.sh and run.sh are set).
#
# Not shipped, validated like the shipped bundles: the high-noise recipe on train + thickness + the
# dense split without NACA 0015 and 23015 (flow-dense-thick-wd-highnoise: 79 conditions, NACA 0012,
# 2412 and 23012 also at every degree from 16 to 22 at Re 2e6 and 5e6, so that the settle/scatter
# boundary is sampled next to the test split's conditions of those airfoils, none of them at one;
# 7200 steps, 37 passes), seeds 1 to 4, two at a time, each on one core, about 50 minutes a pair;
# the four seeds as an equal mixture and averaged network by network, on the test split; then the
# same recipe with the between split as well (flow-dense-between-wd-highnoise: NACA 2414 and 2416 at
# the train split's ten angle/Re pairs, a percent of thickness either side of the unseen NACA 2415;
# 99 conditions, 9000 steps: 36 passes; beside it the lookup of its training simulations,
# nearest-dense-between), seeds 1 and 2, each on one core, side by side, about 65
# minutes (only where $DATA/between.nc exists too: SPLITS=between bash datasets/generate.sh $DATA,
# about 13 minutes), and the two averaged network by network; and that recipe at twice the width
# (flow-dense-between-wd-highnoise-wide: base 32, widths 32-64-128), seed 1, on two cores, about 110
# minutes, and the three networks averaged (also with 40 samples per condition); then seeds 3 and 4
# of the base-width recipe, side by side, about 70 minutes, the four averaged, and the four with the
# wide network averaged (also with 40 samples), that average on the train split too, and the four
# seeds with other ancestral grids (50 steps; 20 crowded toward the noise, rho=0.5, or toward the
# data, rho=2), under a minute each but the train split's (about 10 minutes); then the base-width
# recipe for 12000 steps (flow-dense-between-wd-highnoise-12000), seeds 1 and 2, side by side, about
# 80 minutes, and the two averaged; then for 18000 steps (flow-dense-between-wd-highnoise-18000),
# seeds 1 and 2, side by side, about 120 minutes, the two averaged, and each with 50 ancestral steps
# (on the train split too) and the two averaged so, and with 40 samples per condition (20 steps);
# and each seed (20 steps) and the average (50 steps) with a spread calibration fitted on the
# train split (calibrated in run.sh), the average also on the around split, which those networks
# were not trained on (where $DATA/around.nc exists), and the calibrated average on the probe split
# with the lookups of NACA 2414's and 2416's runs there (where $DATA/probe.nc exists: SPLITS=probe
# bash datasets/generate.sh $DATA, about 4 minutes); and seed 3, about 115 minutes on one core, and
# the three averaged with 50 steps, uncalibrated and calibrated;
# then the 12000-step recipe with the around split as well
# (flow-dense-between-around-wd-highnoise-12000: NACA 0012 at eight angle/Re pairs next to its two
# test conditions; 107 conditions, 45 passes), seeds 1 and 2, side by side, about 80 minutes (only
# where $DATA/around.nc exists: SPLITS=around bash datasets/generate.sh $DATA, about 3 minutes),
# and the two averaged, with the lookup nearest-dense-between-around; and that average and the
# 12000-step one without the around split with 40 samples per condition; and its seed 3 on two
# cores, about 45 minutes, and the three averaged, and the three seeds with calibrated spreads;
# and that recipe for 18000 steps, seed 1, about 115 minutes, and calibrated;
# then the 12000-step recipe with NACA 2414 and 2416 on the dense split's grid as well
# (flow-dense-between-dense-wd-highnoise-12000: 127 conditions; only where $DATA/between-dense.nc
# exists: SPLITS=between-dense bash datasets/generate.sh $DATA, about 9 minutes), seeds 1 and 2, side
# by side, about 80 minutes, the two averaged, and both 12000-step pairs on the probe split.

# sampler_tag SPEC: a result-name suffix for an ancestral DDIM spec, ddim:N:1[:rho=R] ->
# ddim-N-eta1[-rhoR]
sampler_tag() {
    local steps rest
    steps=$(cut -d: -f2 <<< "$1")
    rest=$(cut -d: -f4 -s <<< "$1")
    echo "ddim-$steps-eta1${rest:+-${rest/=/}}"
}

# sampler_seeds NAME SPEC SEED...: those seeds of NAME validated with the ancestral DDIM SPEC,
# seed 1 on the train split as well
sampler_seeds() {
    local name=$1 sampler=$2 tag seed run
    shift 2
    tag=$(sampler_tag "$sampler")
    for seed in "$@"; do
        run=$(seed_name "$name" "$seed")
        validate "$run-$tag" "$WORK/$run.aerodiff" "$sampler"
        if [ "$seed" = 1 ]; then
            on_split "$DATA/train.nc" train-split "$run-$tag" "$WORK/$run.aerodiff" "$sampler"
        fi
    done
}

# with_split TAG SPLIT: the between recipe's data with $DATA/SPLIT.nc as well, merged into
# $WORK/train-TAG.nc, and its lookup (nearest-TAG); the 12000-step recipe trained on it
# (flow-TAG-wd-highnoise-12000, seeds 1 and 2, side by side: seeds), and the two averaged (ddim:20:1)
with_split() {
    local tag=$1 split=$2
    merge_once "$WORK/train-$tag.nc" --drop-airfoil naca0015,naca23015 \
        "$DATA/train.nc" "$DATA/thickness.nc" "$DATA/dense.nc" "$DATA/between.nc" "$DATA/$split.nc"
    nearest "nearest-$tag" "$WORK/train-$tag.nc"
    seeds "flow-$tag-wd-highnoise-12000" "$WD_HIGH_RECIPE" "$WORK/train-$tag.nc" 12000 1 2
    validate "flow-$tag-wd-highnoise-12000-avg-ddim-20-eta1" \
        "$(seed_bundles "flow-$tag-wd-highnoise-12000" 1 2)" ddim:20:1 --average
}

merge_once "$WORK/train-dense-thick.nc" --drop-airfoil naca0015,naca23015 \
    "$DATA/train.nc" "$DATA/thickness.nc" "$DATA/dense.nc"
seeds flow-dense-thick-wd-highnoise "$WD_HIGH_RECIPE" "$WORK/train-dense-thick.nc" 7200 1 2
seeds flow-dense-thick-wd-highnoise "$WD_HIGH_RECIPE" "$WORK/train-dense-thick.nc" 7200 3 4
DENSE_SEEDS=$(seed_bundles flow-dense-thick-wd-highnoise 1 2 3 4)
validate flow-dense-thick-wd-highnoise-mix-ddim-20-eta1 "$DENSE_SEEDS" ddim:20:1
validate flow-dense-thick-wd-highnoise-avg-ddim-20-eta1 "$DENSE_SEEDS" ddim:20:1 --average
# and NACA 2414 and 2416, a percent of thickness either side of the unseen NACA 2415
if [ -f "$DATA/between.nc" ]; then
    merge_once "$WORK/train-dense-between.nc" --drop-airfoil naca0015,naca23015 \
        "$DATA/train.nc" "$DATA/thickness.nc" "$DATA/dense.nc" "$DATA/between.nc"
    nearest nearest-dense-between "$WORK/train-dense-between.nc"    # what the data alone gives
    # NACA 2415's neighbours one at a time: each answers it from its own runs (at 20 degrees, Re 1e6,
    # from the very same condition)
    merge_once "$WORK/between-naca2414.nc" --drop-airfoil naca2416 "$DATA/between.nc"
    merge_once "$WORK/between-naca2416.nc" --drop-airfoil naca2414 "$DATA/between.nc"
    nearest nearest-naca2414 "$WORK/between-naca2414.nc"
    nearest nearest-naca2416 "$WORK/between-naca2416.nc"
    two_seeds flow-dense-between-wd-highnoise "$WD_HIGH_RECIPE" "$WORK/train-dense-between.nc" 9000
    BETWEEN_SEEDS=$(seed_bundles flow-dense-between-wd-highnoise 1 2)
    validate flow-dense-between-wd-highnoise-avg-ddim-20-eta1 "$BETWEEN_SEEDS" ddim:20:1 --average
    # the same at twice the width: does the capacity go into the conditions whose runs
    # settle, where the networks above invent spread?
    WIDE_HIGH_RECIPE=$WORK/train-flow-wd-highnoise-wide.json
    recipe "$WIDE_HIGH_RECIPE" "$WD_HIGH_RECIPE" 'c["network"]["base"] = 32'
    THREADS=2 seeds flow-dense-between-wd-highnoise-wide "$WIDE_HIGH_RECIPE" \
        "$WORK/train-dense-between.nc" 9000 1
    WIDE_SEED=$(seed_bundles flow-dense-between-wd-highnoise-wide 1)
    validate flow-dense-between-wd-highnoise-all-avg-ddim-20-eta1 "$BETWEEN_SEEDS,$WIDE_SEED" \
        ddim:20:1 --average
    SAMPLES=40 validate flow-dense-between-wd-highnoise-all-avg-40-ddim-20-eta1 \
        "$BETWEEN_SEEDS,$WIDE_SEED" ddim:20:1 --average
    # two more seeds at the base width: how far does averaging more networks go?
    seeds flow-dense-between-wd-highnoise "$WD_HIGH_RECIPE" "$WORK/train-dense-between.nc" 9000 3 4
    BETWEEN_SEEDS4=$(seed_bundles flow-dense-between-wd-highnoise 1 2 3 4)
    ALL5=$BETWEEN_SEEDS4,$WIDE_SEED
    validate flow-dense-between-wd-highnoise-avg4-ddim-20-eta1 "$BETWEEN_SEEDS4" ddim:20:1 --average
    validate flow-dense-between-wd-highnoise-all5-avg-ddim-20-eta1 "$ALL5" \
        ddim:20:1 --average
    SAMPLES=40 validate flow-dense-between-wd-highnoise-all5-avg-40-ddim-20-eta1 \
        "$ALL5" ddim:20:1 --average
    # the five on their own training conditions: is the spread they invent where the
    # runs settle, and miss where they scatter most, a fit or an interpolation error?
    on_split "$DATA/train.nc" train-split flow-dense-between-wd-highnoise-all5-avg-ddim-20-eta1 \
        "$ALL5" ddim:20:1 --average
    # the sampler's share: the four base-width seeds with 50 ancestral steps in place of
    # 20, and with 20 crowded toward the noise (rho=0.5) or toward the data (rho=2); seed 1
    # on the train split as well; the three networks of -all-avg with 50 steps
    for sampler in ddim:50:1 ddim:20:1:rho=0.5 ddim:20:1:rho=2; do
        sampler_seeds flow-dense-between-wd-highnoise "$sampler" 1 2 3 4
    done
    validate flow-dense-between-wd-highnoise-all-avg-ddim-50-eta1 "$BETWEEN_SEEDS,$WIDE_SEED" \
        ddim:50:1 --average
    # the networks fit their own conditions better the more passes they make over the
    # data, and this recipe has made the fewest (36): the same for 12000 steps (48 passes)
    seeds flow-dense-between-wd-highnoise-12000 "$WD_HIGH_RECIPE" "$WORK/train-dense-between.nc" \
        12000 1 2
    SEEDS_12000=$(seed_bundles flow-dense-between-wd-highnoise-12000 1 2)
    validate flow-dense-between-wd-highnoise-12000-avg-ddim-20-eta1 "$SEEDS_12000" ddim:20:1 --average
    # 12000 steps kept NACA 0012 at 19 degrees settled and invented less spread on the
    # settled training conditions: half as long again (18000 steps, 73 passes)
    seeds flow-dense-between-wd-highnoise-18000 "$WD_HIGH_RECIPE" "$WORK/train-dense-between.nc" \
        18000 1 2
    SEEDS_18000=$(seed_bundles flow-dense-between-wd-highnoise-18000 1 2)
    validate flow-dense-between-wd-highnoise-18000-avg-ddim-20-eta1 "$SEEDS_18000" ddim:20:1 --average
    # with 50 ancestral steps, which gave the 9000-step seed 1 more of the scattering conditions'
    # spread (seed 1 on the train split as well)
    sampler_seeds flow-dense-between-wd-highnoise-18000 ddim:50:1 1 2
    # does 50 steps' larger train-split error of the mean hold for seed 2? and the two averaged
    on_split "$DATA/train.nc" train-split flow-dense-between-wd-highnoise-18000-seed2-ddim-50-eta1 \
        "$WORK/flow-dense-between-wd-highnoise-18000-seed2.aerodiff" ddim:50:1
    validate flow-dense-between-wd-highnoise-18000-avg-ddim-50-eta1 "$SEEDS_18000" ddim:50:1 --average
    SAMPLES=40 validate flow-dense-between-wd-highnoise-18000-avg-40-ddim-20-eta1 "$SEEDS_18000" \
        ddim:20:1 --average
    # the spread the networks invent where the runs settle is their fit error, the same at their
    # own conditions as at unseen ones: a spread calibration fitted on the train split
    # (aerodiff calibrate; a few minutes each, the average with 50 steps about 10), the floor alone
    # and with the gain
    for fit in "" gain; do
        for seed in 1 2; do
            run=$(seed_name flow-dense-between-wd-highnoise-18000 "$seed")
            FIT=$fit calibrated "$run-ddim-20-eta1" "$WORK/$run.aerodiff" ddim:20:1
        done
        FIT=$fit calibrated flow-dense-between-wd-highnoise-18000-avg-ddim-50-eta1 "$SEEDS_18000" ddim:50:1 \
            --average
    done
    # the same floor fitted on conditions the networks were not trained on: the around split's eight
    # NACA 0012 runs (a few minutes)
    if [ -f "$DATA/around.nc" ]; then
        ON=around calibrated flow-dense-between-wd-highnoise-18000-avg-ddim-50-eta1 "$SEEDS_18000" ddim:50:1 \
            --average
    fi
    # NACA 2415 and its neighbours next to its test conditions (the probe split, for analysis, not
    # training): the calibrated pair there, and NACA 2414's and 2416's runs at 18 degrees, Re 4e6,
    # each as the answer for NACA 2415 at that very condition
    if [ -f "$DATA/probe.nc" ]; then
        pair=flow-dense-between-wd-highnoise-18000-avg-ddim-50-eta1
        on_split "$DATA/probe.nc" probe-split "$pair-calibrated-probe" "$SEEDS_18000" ddim:50:1 --average \
            --calibration "$OUT/calibrations/$pair-calibrated.json"
        merge_once "$WORK/probe-naca2414.nc" --drop-airfoil naca2415,naca2416 "$DATA/probe.nc"
        merge_once "$WORK/probe-naca2416.nc" --drop-airfoil naca2415,naca2414 "$DATA/probe.nc"
        nearest nearest-probe-naca2414 "$WORK/probe-naca2414.nc"
        nearest nearest-probe-naca2416 "$WORK/probe-naca2416.nc"
    fi
    # a third seed (about 115 minutes on one core), and the three averaged with 50 steps, calibrated
    seeds flow-dense-between-wd-highnoise-18000 "$WD_HIGH_RECIPE" "$WORK/train-dense-between.nc" 18000 3
    SEEDS3_18000=$(seed_bundles flow-dense-between-wd-highnoise-18000 1 2 3)
    validate flow-dense-between-wd-highnoise-18000-avg3-ddim-50-eta1 "$SEEDS3_18000" ddim:50:1 --average
    calibrated flow-dense-between-wd-highnoise-18000-avg3-ddim-50-eta1 "$SEEDS3_18000" ddim:50:1 --average
    # what is left is mostly interpolation: NACA 0012 at 21 degrees, Re 6e6, gets too little of
    # its spread and at 19 degrees, Re 2e6, some it does not have. The around split puts eight
    # NACA 0012 runs next to those two conditions (not at them): 12000 steps, against -12000
    if [ -f "$DATA/around.nc" ]; then
        with_split dense-between-around around
        AROUND_SEEDS=$(seed_bundles flow-dense-between-around-wd-highnoise-12000 1 2)
        # the error of the mean rose at conditions the around split is far from: the network or
        # 10 samples? Both averages with 40 samples per condition
        SAMPLES=40 validate flow-dense-between-around-wd-highnoise-12000-avg-40-ddim-20-eta1 \
            "$AROUND_SEEDS" ddim:20:1 --average
        SAMPLES=40 validate flow-dense-between-wd-highnoise-12000-avg-40-ddim-20-eta1 "$SEEDS_12000" \
            ddim:20:1 --average
        # seed 1 erred outside the other networks' range at two conditions far from the split:
        # a third seed, on two cores, about 45 minutes
        THREADS=2 seeds flow-dense-between-around-wd-highnoise-12000 "$WD_HIGH_RECIPE" \
            "$WORK/train-dense-between-around.nc" 12000 3
        validate flow-dense-between-around-wd-highnoise-12000-avg3-ddim-20-eta1 \
            "$(seed_bundles flow-dense-between-around-wd-highnoise-12000 1 2 3)" ddim:20:1 --average
        # the three seeds with their spread calibrated on the train split
        for fit in "" gain; do
            for seed in 1 2 3; do
                run=$(seed_name flow-dense-between-around-wd-highnoise-12000 "$seed")
                FIT=$fit calibrated "$run-ddim-20-eta1" "$WORK/$run.aerodiff" ddim:20:1
            done
        done
        # the around split at 18000 steps (73 passes, as the best recipe without it), seed 1 on one
        # core beside other work, about 115 minutes; and calibrated
        seeds flow-dense-between-around-wd-highnoise-18000 "$WD_HIGH_RECIPE" \
            "$WORK/train-dense-between-around.nc" 18000 1
        calibrated flow-dense-between-around-wd-highnoise-18000-ddim-20-eta1 \
            "$WORK/flow-dense-between-around-wd-highnoise-18000.aerodiff" ddim:20:1
    else
        echo "skipping flow-dense-between-around-wd-highnoise-12000: $DATA/around.nc is missing" \
            "(SPLITS=around bash datasets/generate.sh $DATA)" >&2
    fi
    # NACA 2415's neighbours on the dense split's grid as well (the between-dense split: NACA 2414
    # and 2416 at every degree from 16 to 22 at Re 2e6 and 5e6, where the between split has Re 1e6,
    # 3e6 and 1e7 only; SPLITS=between-dense bash datasets/generate.sh $DATA, about 9 minutes):
    # 127 conditions, the 12000-step recipe, seeds 1 and 2, side by side, about 80 minutes, against
    # flow-dense-between-wd-highnoise-12000, and the two averaged (20 and 50 ancestral steps);
    # both pairs on the probe split, whose NACA 2414 and 2416 at 18 degrees, Re 4e6, neither was
    # trained on
    if [ -f "$DATA/between-dense.nc" ]; then
        with_split dense-between-dense between-dense
        validate flow-dense-between-dense-wd-highnoise-12000-avg-ddim-50-eta1 \
            "$(seed_bundles flow-dense-between-dense-wd-highnoise-12000 1 2)" ddim:50:1 --average
        validate flow-dense-between-wd-highnoise-12000-avg-ddim-50-eta1 "$SEEDS_12000" ddim:50:1 --average
        if [ -f "$DATA/probe.nc" ]; then
            for pair in flow-dense-between-wd-highnoise-12000 flow-dense-between-dense-wd-highnoise-12000; do
                on_split "$DATA/probe.nc" probe-split "$pair-avg-ddim-20-eta1" "$(seed_bundles $pair 1 2)" \
                    ddim:20:1 --average
            done
        fi
    else
        echo "skipping flow-dense-between-dense-wd-highnoise-12000: $DATA/between-dense.nc is missing" \
            "(SPLITS=between-dense bash datasets/generate.sh $DATA)" >&2
    fi
else
    echo "skipping flow-dense-between-wd-highnoise: $DATA/between.nc is missing" \
        "(SPLITS=between bash datasets/generate.sh $DATA)" >&2
fi
