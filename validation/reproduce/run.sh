#!/usr/bin/env bash
# Trains the shipped bundles again from what each records (`aerodiff model reproduce`: settings,
# seed, training data by SHA-256) and checks that the mean loss of every 100 steps comes out as the
# bundle recorded it, so that the code of this revision still makes the shipped models.
#  - The three pooled stall bundles (examples/stall-pooled-*.aerodiff), on
#    datasets/airfoil-stall-pooled/train.nc: their first 200 steps (about a minute each).
#  - The single-mesh stall pair (examples/stall-flow-dense-seed*.aerodiff) where its training data,
#    target/validation-stall/train-dense-between.nc, exists (validation/stall/experiments-dense.sh
#    merges it from splits that `datasets/generate.sh` simulates; its SHA-256 differs from the
#    recorded one in the history attribute alone, so it is replayed with --other-data); skipped
#    otherwise.
#  - The older bundles record no loss; `model reproduce` says so, and they are listed as such.
# ALL=1 replays the whole of each run instead and compares the averaged weights as well (about 80
# minutes a pooled bundle on one core, two side by side; 115 for each of the single-mesh pair).
# The shipped bundles were trained with OMP_NUM_THREADS=1; the replays run so too, since another
# thread count sums in another order (relative differences of about 1e-5 from the first block).
# Each replay writes results/NAME-STEPS.json (STEPS: 200 or all) and its log to target/; the table
# is results/summary.md (validation/reproduce/summarize.py, which runs alone on the results there).
# Usage (from anywhere): [ALL=1] bash validation/reproduce/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=validation/reproduce/results
WORK=${WORK:-target/validation-reproduce}
source validation/lib.sh
STEPS=${ALL:+all}
STEPS=${STEPS:-200}
POOLED=datasets/airfoil-stall-pooled/train.nc
DENSE=target/validation-stall/train-dense-between.nc

# replay NAME DATA [FLAGS...]: examples/NAME.aerodiff on DATA, in the background
replay() {
    local name=$1 data=$2
    shift 2
    local steps=(--steps 200)
    [ "$STEPS" = all ] && steps=(--all)
    echo "== $name: model reproduce ${steps[*]}" >&2
    ( OMP_NUM_THREADS=1 java -jar target/aerodiff.jar model reproduce "examples/$name.aerodiff" --data "$data" \
        "${steps[@]}" "$@" --json > "$WORK/$name-$STEPS.json" 2> "$WORK/$name-$STEPS.log" || true
      mv "$WORK/$name-$STEPS.json" "$OUT/$name-$STEPS.json" ) &
}

replay stall-pooled-flow-seed1 "$POOLED"
replay stall-pooled-flow-seed2 "$POOLED"
wait
replay stall-pooled-ddpm "$POOLED"
if [ -f "$DENSE" ]; then
    # a merge of regenerated splits differs from the recorded file in its history attribute alone
    replay stall-flow-dense-seed1 "$DENSE" --other-data
    wait
    replay stall-flow-dense-seed2 "$DENSE" --other-data
else
    echo "== stall-flow-dense-seed1, -seed2: skipped, $DENSE is missing" >&2
fi
wait

/usr/bin/python3 validation/reproduce/summarize.py "$OUT" examples > "$OUT/summary.md.tmp"
mv "$OUT/summary.md.tmp" "$OUT/summary.md"
cat "$OUT/summary.md"
