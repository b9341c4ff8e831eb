#!/usr/bin/env bash
# Wasserstein-rate check of trained flow-matching surrogates on datasets/airfoil-rans:
# for n = 4, 8, 16, 32 training conditions (two random draws each) train a small surrogate
# (train-flow.json: 400 steps, 120k-parameter U-Net), predict the 8 held-out test conditions with
# 8 samples each, and fit log W1 of the pressure drag coefficient against log n; then the same
# fit for the lift coefficient with the same bundles (no training, about 3 minutes).
# Writes results/rate-check.json (drag) and results/rate-check-lift.json (the command's JSON plus
# wall_seconds). The bundles are kept in $WORK/models, so an interrupted run continues where it
# stopped. About 40 minutes on 2 cores. SUMMARIES="lift" runs just that one.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=validation/rate-check/results
WORK=${WORK:-target/validation-rate-check}
JAR=${JAR:-target/aerodiff.jar}
mkdir -p "$OUT" "$WORK"
[ -f "$JAR" ] || mvn -q -B package -DskipTests

check() {
    local summary=$1 name=$2
    local start=$SECONDS
    java -jar "$JAR" rate-check --train datasets/airfoil-rans/train.nc --against datasets/airfoil-rans/test.nc \
        --config validation/rate-check/train-flow.json --sizes 4,8,16,32 --repeats 2 --seed 1 --samples 8 \
        --sampler euler:20 --summary "$summary" --target-w1 0.01 --models "$WORK/models" --json \
        > "$WORK/$name.json" 2> >(tee "$WORK/$name.log" >&2)
    /usr/bin/python3 - "$WORK/$name.json" "$OUT/$name.json" $((SECONDS - start)) <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["wall_seconds"] = int(sys.argv[3])
for p in d["points"]:
    for r in p["runs"]:
        r.pop("bundle", None)  # a local path
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
    echo "wrote $OUT/$name.json" >&2
}

for summary in ${SUMMARIES:-drag lift}; do
    case $summary in
        drag) check drag rate-check ;;
        lift) check lift rate-check-lift ;;
        *) echo "unknown summary $summary" >&2; exit 2 ;;
    esac
done
