# Shared by the validation scripts (source it from the repository root after setting OUT, WORK and,
# for `validate`, TEST and SAMPLES). ONLY="name name" runs just those.
#   run NAME ARGS...                  java -jar target/aerodiff.jar ARGS... --json > OUT/NAME.json,
#                                     with the wall seconds added and per-sample drag lists dropped
#   validate NAME BUNDLE SAMPLER [FLAGS...]  run NAME validate ... against $TEST with $SAMPLES
#                                     samples (FLAGS: more validate options, e.g. --average)
#   nearest NAME TRAIN.nc             the same for the baseline that copies the nearest simulation
#                                     of TRAIN.nc (validate --nearest)
#   train_bundle BUNDLE CONFIG DATA [FLAGS...]  trains in the background on THREADS cores
#                                     (default 1) unless BUNDLE exists or ONLY is set;
#                                     wait_for_training waits for those trainings
#   recipe OUT FROM PYTHON            writes the training settings of FROM, changed by the
#                                     statement PYTHON (on the dict c), to OUT
mkdir -p "$OUT" "$WORK"
[ -f target/aerodiff.jar ] || mvn -q -B package -DskipTests

run() {
    local name=$1
    shift
    if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then
        return 0
    fi
    echo "== $name: aerodiff $*" >&2
    local start=$SECONDS
    java -jar target/aerodiff.jar "$@" --json > "$WORK/$name.json" 2> "$WORK/$name.log"
    /usr/bin/python3 - "$WORK/$name.json" "$OUT/$name.json" $((SECONDS - start)) <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["wall_seconds"] = int(sys.argv[3])
for m in d.get("models", []):          # keep the summary, drop the per-sample drag lists
    for c in m.get("cases", []):
        c.pop("predicted_drag", None); c.pop("simulated_drag", None)
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
}

validate() {
    local name=$1 model=$2 sampler=$3
    shift 3
    run "$name" validate --model "$model" --against "$TEST" --sampler "$sampler" --samples "$SAMPLES" \
        --out "$WORK/$name" "$@"
}

nearest() {
    run "$1" validate --nearest "$2" --against "$TEST" --samples "$SAMPLES" --out "$WORK/$1"
}

recipe() {
    /usr/bin/python3 - "$@" <<'PY'
import json, sys
c = json.load(open(sys.argv[2]))
exec(sys.argv[3])
json.dump(c, open(sys.argv[1], "w"), indent=1)
PY
}

pids=()
train_bundle() {
    local bundle=$1 config=$2 data=$3
    shift 3
    [ -f "$bundle" ] || [ -n "${ONLY:-}" ] && return 0
    echo "== training $bundle (log: $WORK/$(basename "$bundle").log)" >&2
    OMP_NUM_THREADS=${THREADS:-1} java -jar target/aerodiff.jar train --config "$config" \
        --data "$data" --out "$bundle" "$@" > "$WORK/$(basename "$bundle").log" 2>&1 &
    pids+=($!)
}
wait_for_training() {
    for pid in "${pids[@]}"; do wait "$pid"; done
    pids=()
}
