#!/usr/bin/env bash
# The SameDiff U-Net against the PyTorch peer (../shared/bench/pytorch, same architecture, 15.48 M
# parameters) on this machine, in one run: forward time per sample at batch 16, a DDPM training step
# at batch 16 (64x64, fp32), the peak resident memory of a process doing training steps, and the
# machine's fp32 GEMM ceiling; and where AeroDiff's time goes, op by op. Writes results/*.json and
# results/summary.md; 4 to 12 minutes on 2 cores, by the machine's speed. Installs Debian's PyTorch
# if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
PEER=${PEER:-../shared/bench/pytorch}
THREADS=${THREADS:-2}
RES=${RES:-64}
BATCH=${BATCH:-16}
OUT=validation/bench/results
mkdir -p "$OUT"
if [ ! -f "$PEER/unet.py" ]; then
    echo "bench: the PyTorch peer is not at $PEER (set PEER=DIR)" >&2
    exit 1
fi
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    apt-get install -y python3-torch python3-numpy
fi
[ -f target/aerodiff.jar ] || mvn -q -B package -DskipTests
export OMP_NUM_THREADS=$THREADS

echo "== AeroDiff bench unet" >&2
/usr/bin/time -f "%M" -o "$OUT/aerodiff.maxrss" java -jar target/aerodiff.jar bench unet --res "$RES" \
    --batch "$BATCH" --threads "$THREADS" --warmup 10 --repeats 7 --profile --out "$OUT/aerodiff.json" 2> "$OUT/aerodiff.log"
echo "== AeroDiff bench unet --train-only (the memory of training alone)" >&2
/usr/bin/time -f "%M" -o "$OUT/aerodiff-train.maxrss" java -jar target/aerodiff.jar bench unet --res "$RES" \
    --batch "$BATCH" --threads "$THREADS" --warmup 5 --repeats 5 --train-only --out "$OUT/aerodiff-train.json" \
    2> "$OUT/aerodiff-train.log"

echo "== PyTorch peer" >&2
rm -f "$OUT"/peer/*.jsonl
mkdir -p "$OUT/peer"
BENCH_OUT="$OUT/peer" /usr/bin/python3 "$PEER/unet_bench.py" "$THREADS" "$RES" "$BATCH" fp32 > "$OUT/peer-forward.log" 2>&1
echo "== fp32 GEMM ceiling (oneDNN through PyTorch, 4096^2)" >&2
# The peer's gemm_bench.py also times torch.mm and NumPy, which take minutes here (about 7 GFLOP/s
# at 2048^2); oneDNN's inner product is the fastest fp32 GEMM on this machine.
OMP_NUM_THREADS=$THREADS /usr/bin/python3 - "$THREADS" > "$OUT/gemm.json" <<'PY'
import json, statistics, sys, time
import torch
import torch.utils.mkldnn
torch.set_num_threads(int(sys.argv[1]))
n = 4096
linear = torch.utils.mkldnn.to_mkldnn(torch.nn.Linear(n, n, bias=False).eval())
x = torch.randn(n, n).to_mkldnn()
times = []
with torch.no_grad():
    for k in range(9):
        start = time.perf_counter()
        linear(x)
        times.append(time.perf_counter() - start)
med = statistics.median(times[2:])
print(json.dumps({"n": n, "threads": int(sys.argv[1]), "seconds": times, "gflops_med": 2 * n ** 3 / med / 1e9}))
PY
BENCH_OUT="$OUT/peer" /usr/bin/time -f "%M" -o "$OUT/peer-train.maxrss" \
    /usr/bin/python3 "$PEER/train_bench.py" "$THREADS" "$RES" "$BATCH" fp32 > "$OUT/peer-train.log" 2>&1

/usr/bin/python3 - "$OUT" "$THREADS" "$RES" "$BATCH" > "$OUT/summary.md" <<'PY'
import json, os, sys
out, threads, res, batch = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
a = json.load(open(os.path.join(out, "aerodiff.json")))
fwd = [json.loads(l) for l in open(os.path.join(out, "peer", "unet_fwd.jsonl"))][-1]
trn = [json.loads(l) for l in open(os.path.join(out, "peer", "train.jsonl"))][-1]
gemm_fp32 = json.load(open(os.path.join(out, "gemm.json")))["gflops_med"]
a_rss = int(open(os.path.join(out, "aerodiff.maxrss")).read().split()[-1]) / 1024
a_train_rss = int(open(os.path.join(out, "aerodiff-train.maxrss")).read().split()[-1]) / 1024
p_rss = int(open(os.path.join(out, "peer-train.maxrss")).read().split()[-1]) / 1024
print(f"{threads} threads, {res}x{res}, batch {batch}, fp32; medians")
print()
print("| | AeroDiff (forward: SameDiff; training: eager ND4J ops) | PyTorch | ratio |")
print("|---|---|---|---|")
print(f"| forward, ms per sample | {a['forward_ms_per_sample']:.1f} | {fwd['ms_per_sample_med']:.1f} | "
      f"{a['forward_ms_per_sample'] / fwd['ms_per_sample_med']:.2f} |")
print(f"| forward GFLOP/s | {a['gflops_forward']:.1f} | {fwd['gflops_med']:.1f} | |")
print(f"| forward, share of the fp32 GEMM ceiling ({gemm_fp32:.0f} GFLOP/s, median) | "
      f"{100 * a['gflops_forward'] / gemm_fp32:.0f}% | {100 * fwd['gflops_med'] / gemm_fp32:.0f}% | |")
print(f"| DDPM training step, ms | {a['train_step_ms']:.0f} | {1e3 * trn['median']:.0f} | "
      f"{a['train_step_ms'] / (1e3 * trn['median']):.2f} |")
print(f"| peak resident memory of a training process, MB | {a_train_rss:.0f} | {p_rss:.0f} | "
      f"{a_train_rss / p_rss:.2f} |")
print(f"| peak resident memory, AeroDiff process of the timings (both networks, profiles), MB | {a_rss:.0f} | | |")
for key, what in (("train_profile", "training step"), ("forward_profile", "forward pass")):
    p = a[key]
    print()
    print(f"AeroDiff {what}, op by op (one more run after the timings): {p['wall_ms']:.0f} ms, ops "
          f"{p['op_ms']:.0f} ms, kernel CPU time {p['kernel_ms']:.0f} ms, {p['minor_page_faults']} minor page faults")
    print()
    print("| op | calls | ms | share |")
    print("|---|---|---|---|")
    for r in p["ops"][:10]:
        print(f"| {r['op']} | {r['calls']} | {r['ms']:.0f} | {100 * r['share']:.1f}% |")
PY
cat "$OUT/summary.md"
