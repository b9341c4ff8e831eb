#!/usr/bin/env bash
# Time of drawing 16 samples with each sampler of the shipped bundles (bench sample; about 8 minutes
# on 2 cores, most of it DDPM-200 and the adaptive ODE). Writes results/sample-flow.json and
# results/sample-ddpm.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
THREADS=${THREADS:-2}
OUT=validation/bench/results
mkdir -p "$OUT"
[ -f target/aerodiff.jar ] || mvn -q -B package -DskipTests
export OMP_NUM_THREADS=$THREADS
java -jar target/aerodiff.jar bench sample --threads "$THREADS" --model examples/flow-matching.aerodiff \
    --sampler ddim:20:1 --sampler euler:20 --sampler heun:10 --sampler ode-bs3:3e-2 --out "$OUT/sample-flow.json"
java -jar target/aerodiff.jar bench sample --threads "$THREADS" --model examples/ddpm.aerodiff \
    --sampler ddim:20 --sampler ode-dopri5:1e-2 --sampler ddpm --out "$OUT/sample-ddpm.json"
