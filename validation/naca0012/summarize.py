"""Summarizes the NACA 0012 validation runs: mean and spread of the lift and drag coefficients
over the snapshots, per angle and mesh, against thin-airfoil theory (2 pi alpha) and the
experiment of Ladson (NASA TM 4074, Re 6e6, free transition): CL 0.55 at 5 deg, 1.07 at 10 deg."""
import json
import math
import sys

import xarray as xr

work = sys.argv[1]
LADSON = {0.0: 0.0, 5.0: 0.55, 10.0: 1.07}
rows = []
for scale in ("1.0", "0.7"):
    ds = xr.open_dataset(f"{work}/mesh{scale}.nc")
    cells = ds.attrs["source"].split(" cells on average")[0].split(",")[-1].strip()
    for c in range(ds.sizes["case"]):
        aoa = float(ds["aoa"].values[c])
        cl = ds["cl"].values[c]
        cd = ds["cd"].values[c]
        rows.append({"mesh_scale": float(scale), "mesh_cells": cells, "aoa": aoa,
                     "cl_mean": float(cl.mean()), "cl_std": float(cl.std()),
                     "cd_mean": float(cd.mean()), "cd_std": float(cd.std()),
                     "cl_thin_airfoil": 2 * math.pi * math.radians(aoa), "cl_ladson": LADSON.get(aoa)})
by = {(r["mesh_scale"], r["aoa"]): r for r in rows}
slope = {s: (by[(s, 10.0)]["cl_mean"] - by[(s, 0.0)]["cl_mean"]) / math.radians(10.0) for s in (1.0, 0.7)}
print(json.dumps({"rows": rows, "lift_slope_per_rad": slope, "thin_airfoil_slope": 2 * math.pi}, indent=2))
