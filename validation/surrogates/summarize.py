"""Summary table of validation/surrogates/run.sh (and validation/stall/run.sh,
validation/stall-pooled/run.sh): accuracy per sampler
relative to DDPM-200 and over the simulations' spread, the predicted spread, their rank correlation
across conditions and the split-half floor where recorded, the
memorization audit and the one-step denoising error by noise level. Usage: python3 summarize.py RESULTS_DIR > summary.md"""
import json
import os
import sys

out = sys.argv[1]
runs = {f[:-5]: json.load(open(os.path.join(out, f))) for f in sorted(os.listdir(out)) if f.endswith(".json")}
ref = runs["ddpm-200"]["models"][0] if "ddpm-200" in runs else None
print("| run | method | sampler | NFE | error_mean | vs DDPM-200 | error_std | vs DDPM-200 | drag W1 | "
      "simulation spread | predicted spread | spread rank correlation | split-half floor, mean / std | seconds | "
      "error_mean / spread | error_std / spread |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for name, r in runs.items():
    if "models" not in r:
        continue
    m = r["models"][0]
    rel_mean = f"{m['error_mean'] / ref['error_mean']:.3f}" if ref else "-"
    rel_std = f"{m['error_std'] / ref['error_std']:.3f}" if ref else "-"
    floor = f"{m['floor_error_mean']:.3g} / {m['floor_error_std']:.3g}" if "floor_error_mean" in m else "-"
    predicted = f"{m['predicted_mean_std']:.3g}" if "predicted_mean_std" in m else "-"
    rho = m.get("spread_rank_correlation")
    rho = f"{rho:.2f}" if rho is not None else "-"
    spread = m["simulation_mean_std"]
    print(f"| {name} | {m['method']} | {m['sampler']} | {m['nfe']} | {m['error_mean']:.4g} | {rel_mean} | "
          f"{m['error_std']:.4g} | {rel_std} | {m['drag_w1']:.4g} | {m['simulation_mean_std']:.3g} | {predicted} | {rho} | {floor} | "
          f"{r['wall_seconds']} | {m['error_mean'] / spread:.2f} | {m['error_std'] / spread:.2f} |")
audits = {name: r for name, r in runs.items() if "trained" in r}
if audits:
    print()
    print("| memorization | sampler | NFE | copies, trained | median d1/d2, trained | copies, empirical-optimal | "
          "median d1/d2, empirical-optimal |")
    print("|---|---|---|---|---|---|---|")
for name, r in audits.items():
    t, e = r["trained"], r["empirical_optimal"]
    print(f"| {name} | {r['sampler']} | {r['nfe']} | {t['copy_fraction']:.1%} | {t['median_ratio']:.3f} | "
          f"{e['copy_fraction']:.1%} | {e['median_ratio']:.3f} |")
denoising = {name: r for name, r in runs.items() if "levels" in r}
if denoising:
    names = list(denoising)
    print()
    print("| t | " + " | ".join(f"{n}: alpha | x0 RMS" for n in names) + " |")
    print("|---|" + "---|---|" * len(names))
    first = denoising[names[0]]
    for i, level in enumerate(first["levels"]):
        cells = []
        for n in names:
            lv = denoising[n]["levels"][i]
            cells.append(f"{lv['alpha']:.3f} | {lv['x0_rms']:.4f}")
        print(f"| {level['t']:g} | " + " | ".join(cells) + " |")
    print("| baseline (mean field) | " + " | ".join(f"| {denoising[n]['baseline_rms']:.4f}" for n in names) + " |")
