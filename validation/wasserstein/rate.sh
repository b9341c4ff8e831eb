#!/usr/bin/env bash
# Rate-check recovery: fitted W1 exponents of Gaussian samples against theory, D = 1, 2, 3, 4.
# Prints one JSON object (the rate-check outputs, points included).
#   bash validation/wasserstein/rate.sh > validation/wasserstein/rate-results.json
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/target/aerodiff.jar"
run() { java -jar "$jar" rate-check --synthetic gaussian --json "$@" 2>/dev/null; }
d1=$(run --dim 1 --sizes 64,128,256,512,1024,2048,4096,8192,16384 --repeats 16 --seed 1 --target-w1 0.005)
d2=$(run --dim 2 --sizes 64,128,256,512,1024,2048 --repeats 8 --seed 2 --target-w1 0.05)
d3=$(run --dim 3 --sizes 64,128,256,512,1024,2048 --repeats 8 --seed 3 --target-w1 0.1)
d4=$(run --dim 4 --sizes 64,128,256,512,1024,2048 --repeats 8 --seed 4 --target-w1 0.2)
printf '{"commands": "java -jar target/aerodiff.jar rate-check --synthetic gaussian --json --dim D --sizes ... --repeats R --seed D --target-w1 X (see rate.sh)",\n "runs": [%s,\n%s,\n%s,\n%s]}\n' "$d1" "$d2" "$d3" "$d4"
