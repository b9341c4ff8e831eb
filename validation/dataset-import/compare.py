"""Compares AeroDiff's imported NetCDF and its `dataset stats` with a direct NumPy computation.

Usage: compare.py IMPORTED.nc STATS.json FILE.npz...   (prints a JSON report; exit 1 on mismatch)
The NumPy side reads the NPZ snapshots itself and follows the documented definition: per sample,
p' = (p - fluid mean of p) / U^2, u' = u / U; per pixel the population std (ddof 0) across
samples; averaged over fluid cells.
"""
import json
import sys

import numpy as np
import xarray as xr

nc_path, stats_path, npz_paths = sys.argv[1], sys.argv[2], sorted(sys.argv[3:])
snapshots = np.stack([np.load(p)["a"] for p in npz_paths])          # (sample, 6, x, y)
fluid = snapshots[0, 2] == 0
u_inf = float(np.hypot(snapshots[0, 0][fluid].mean(), snapshots[0, 1][fluid].mean()))
numpy_std, numpy_mean = {}, {}
for name, channel in (("p", 3), ("ux", 4), ("uy", 5)):
    v = snapshots[:, channel].astype(np.float64)
    if name == "p":
        v = np.stack([(s - s[fluid].mean()) / u_inf**2 for s in v])
    else:
        v = v / u_inf
    numpy_std[name] = float(v.std(axis=0, ddof=0)[fluid].mean())
    numpy_mean[name] = float(v.mean(axis=0)[fluid].mean())

ds = xr.open_dataset(nc_path)
# the file stores float32 [case, sample, y, x]; the NPZ stores float64 [x, y]
max_field_diff = max(
    float(np.abs(ds[name].values[0] - snapshots[:, ch].transpose(0, 2, 1)).max()
          / np.abs(snapshots[:, ch]).max())
    for name, ch in (("p", 3), ("ux", 4), ("uy", 5)))
aerodiff = json.load(open(stats_path))
rel = {k: abs(aerodiff["mean_std"][k] - numpy_std[k]) / numpy_std[k] for k in numpy_std}
report = {
    "files": len(npz_paths),
    "xarray_dims": {k: int(v) for k, v in ds.sizes.items()},
    "xarray_attrs": {k: ds.attrs[k] for k in ("Conventions", "title")},
    "aoa_deg": float(ds["aoa"].values[0]), "reynolds": float(ds["reynolds"].values[0]),
    "max_field_difference_vs_npz_relative_to_max": max_field_diff,
    "mean_std_aerodiff": aerodiff["mean_std"], "mean_std_numpy": numpy_std,
    "mean_mean_aerodiff": aerodiff["mean_mean"], "mean_mean_numpy": numpy_mean,
    "mean_std_relative_difference": rel,
}
ok = max(rel.values()) < 1e-5 and max_field_diff < 1e-6 and ds.sizes["sample"] == len(npz_paths)
report["ok"] = bool(ok)
print(json.dumps(report, indent=2))
sys.exit(0 if ok else 1)
