"""Tables of the mesh study (run.sh): the spread of each condition on each mesh, the test split
answered by each mesh's runs, scored as a surrogate is, beside the shipped surrogate, and the test
split pooled over five meshes with three answers scored against it, and (train.sh) a surrogate
trained on the train split pooled the same way; (train-between.sh) one with NACA 2415's neighbours too;
(held-out-mesh.sh) the shipped pooled pair against runs with and without the mesh no training run had.
Usage: summarize.py RESULTS_DIR   (markdown on standard output; the scales are those of RESULTS_DIR/stats-SCALE.json)"""
import json
import os
import sys

CHANNELS = ("p", "ux", "uy")
SHIPPED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "stall", "results",
                       "flow-dense-between-wd-highnoise-18000-avg-ddim-50-eta1-calibrated.json")
POOLED_PAIR_40 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "stall-pooled", "results",
                              "flow-mix-heun-10-rho04-40.json")


def label(case):
    return f"{case['airfoil'].upper()} {case['aoa']:g} deg, Re {case['reynolds']:.3g}"


def spread(case):
    return sum(case["mean_std"][c] for c in CHANNELS) / len(CHANNELS)


def model(path):
    """The first model of a validate result, and the simulations' spread it is scored against."""
    m = json.load(open(path))["models"][0]
    return m, m["simulation_mean_std"]


def written(rows):
    """(label, model, simulation spread) of each (label, result file) of ROWS whose file exists."""
    for name, path in rows:
        if os.path.exists(path):
            yield (name, *model(path))


def naca2415(m, error):
    """The unseen airfoil's errors ("error_mean" or "error_std") of model M, comma-separated."""
    return ", ".join(f"{c[error]:.4f}" for c in m["cases"] if c["airfoil"] == "naca2415")


def lost(run, stats):
    """Test conditions of RUN that the mesh's runs lack (diverged)."""
    simulated = {label(c) for c in stats["per_case"]}
    return sum(label(c) not in simulated for c in run["cases"])


def main(results, scales):
    stats = {s: json.load(open(os.path.join(results, f"stats-{s}.json"))) for s in scales}
    runs = {s: json.load(open(os.path.join(results, f"mesh-{s}.json")))["models"][0] for s in scales}
    conditions = []
    for s in scales:
        for case in stats[s]["per_case"]:
            if label(case) not in conditions:
                conditions.append(label(case))
    print("# The stall data's spread on other meshes\n")
    print("Spread of each condition (fluid average of the per-pixel std, mean of p, ux, uy) with the cell")
    print("sizes of the data set's mesh scaled by each factor (1.0: the data set's mesh; smaller: finer);")
    print("`diverged`: the solver stopped on a floating-point exception.\n")
    print("| condition | " + " | ".join(f"x{s}" for s in scales) + " |")
    print("|---" * (len(scales) + 1) + "|")
    for name in conditions:
        cells = []
        for s in scales:
            found = [spread(c) for c in stats[s]["per_case"] if label(c) == name]
            cells.append(f"{found[0]:.2g}" if found else "diverged")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\nThe test split answered by each mesh's runs (`validate --nearest`, 10 samples per condition,")
    print("as a surrogate is scored), errors over the simulations' spread; a test condition that diverged")
    print("is answered by the nearest run that did not (`lost`). The mesh x1.0 answers with 10 of the")
    print("data set's own 20 snapshots, so below an independent exact surrogate's 0.33 / 0.17; the shipped")
    print("surrogate is the calibrated pair of the README.\n")
    print("| answered by | lost | error of the mean / spread | error of the std / spread | " +
          " | ".join(f"mean error, {label(c)}" for c in runs[scales[0]]["cases"]) + " |")
    print("|---" * (4 + len(runs[scales[0]]["cases"])) + "|")
    rows = [(f"mesh x{s}", runs[s], lost(runs[s], stats[s])) for s in scales]
    if os.path.exists(SHIPPED):
        rows.append(("the shipped surrogate", json.load(open(SHIPPED))["models"][0], 0))
    for name, m, n_lost in rows:
        spread_all = m["simulation_mean_std"]
        print(f"| {name} | {n_lost} | {m['error_mean'] / spread_all:.2f} | {m['error_std'] / spread_all:.2f} | " +
              " | ".join(f"{c['error_mean']:.4f}" for c in m["cases"]) + " |")


def pooled_table(results):
    """The test split pooled over five meshes, and three answers scored against it."""
    stats = json.load(open(os.path.join(results, "stats-pooled.json")))
    print("\nThe test split with the mesh's uncertainty counted: 4 snapshots from each of the meshes x0.8, x0.9,")
    print("x0.95, x1.0 and x1.05 (`dataset pool`), its spread by condition:\n")
    print("| condition | spread, five meshes | spread, the data set's mesh |")
    print("|---|---|---|")
    own = {label(c): spread(c) for c in json.load(open(os.path.join(results, "stats-1.0.json")))["per_case"]}
    for case in stats["per_case"]:
        print(f"| {label(case)} | {spread(case):.2g} | {own[label(case)]:.2g} |")
    print("\nScored against it (10 samples per condition; errors over its spread; the data set's runs are")
    print("4 of its 20 snapshots, so partly in sample):\n")
    print("| answered by | error of the mean / spread | error of the std / spread | predicted spread |")
    print("|---|---|---|---|")
    for name, title in (("pooled-shipped", "the shipped surrogate (trained on the data set's mesh)"),
                        ("pooled-dataset", "the data set's own runs (`validate --nearest test.nc`)"),
                        ("pooled-train", "the lookup of the train split (`validate --nearest train.nc`)")):
        m, s = model(os.path.join(results, f"{name}.json"))
        print(f"| {title} | {m['error_mean'] / s:.2f} | {m['error_std'] / s:.2f} | {m['predicted_mean_std']:.4f} |")
    print(f"| split-half floor of the pooled runs | {m['floor_error_mean'] / s:.2f} | {m['floor_error_std'] / s:.2f} | |")
    print(f"\nSpread of the pooled test split: {s:.4f}.")


def trained_table(results):
    """The shipped stall flow recipe trained on the pooled train split (train.sh), against the test
    split pooled and as it is."""
    stall = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "stall", "results")
    rows = [("pooled", "trained on the pooled train split, seed 1", os.path.join(results, "pooled-flow-meshpool-seed1.json")),
            ("pooled", "trained on the pooled train split, seed 2", os.path.join(results, "pooled-flow-meshpool-seed2.json")),
            ("pooled", "the shipped stall flow bundle (the data set's mesh alone, seed 1)",
             os.path.join(results, "pooled-flow-shipped.json")),
            ("pooled", "the lookup of the pooled train split", os.path.join(results, "pooled-nearest-train-pooled.json")),
            ("pooled", "the lookup of the data set's train split", os.path.join(results, "pooled-train.json")),
            ("the data set's", "trained on the pooled train split, seed 1",
             os.path.join(results, "meshpool-seed1-ddim-20-eta1.json")),
            ("the data set's", "trained on the pooled train split, seed 2",
             os.path.join(results, "meshpool-seed2-ddim-20-eta1.json")),
            ("the data set's", "the shipped stall flow bundle", os.path.join(stall, "flow-ddim-20-eta1.json"))]
    print("\nThe shipped stall flow recipe (`examples/train-flow-stall.json`, 3600 steps) trained on the train")
    print("split pooled over the meshes x0.9, x0.95, x1.0 and x1.05 (train.sh, 5 snapshots of each), `ddim:20:1`,")
    print("10 samples per condition:\n")
    print("| test split | model | error of the mean / spread | error of the std / spread | predicted spread |"
          " NACA 2415 mean errors |")
    print("|---|---|---|---|---|---|")
    for split, name, path in rows:
        m, s = model(path)
        print(f"| {split} ({s:.4f}) | {name} | {m['error_mean'] / s:.2f} | {m['error_std'] / s:.2f} |"
              f" {m['predicted_mean_std']:.4f} | {naca2415(m, 'error_mean')} |")


def between_table(results):
    """The shipped stall pair's settings trained on the pooled train and between splits
    (train-between.sh), against the pooled test split."""
    rows = [("trained with the between split, seed 1", "pooled-between-seed1"),
            ("trained with the between split, seed 2", "pooled-between-seed2"),
            ("the two averaged network by network (40 evaluations)", "pooled-between-avg"),
            ("seed 1, `ddim:50:1`", "pooled-between-seed1-ddim-50"),
            ("seed 2, `ddim:50:1`", "pooled-between-seed2-ddim-50"),
            ("the two averaged network by network, `ddim:50:1` (100 evaluations)", "pooled-between-avg-ddim-50"),
            ("the same with 40 samples per condition (an exact surrogate: about 0.21 / 0.20)", "pooled-between-avg-ddim-50-40"),
            ("seed 1, spread calibrated on its training data (`calibrate --fit-gain`)", "pooled-between-seed1-calibrated"),
            ("seed 2, so", "pooled-between-seed2-calibrated"),
            ("the lookup of its training data", "pooled-between-nearest"),
            ("the stall flow recipe on the train split alone (train.sh), seed 1", "pooled-flow-meshpool-seed1"),
            ("the stall flow recipe on the train split alone (train.sh), seed 2", "pooled-flow-meshpool-seed2")]
    own = json.load(open(os.path.join(results, "between-stats-1.0.json")))["per_case"]
    pooled = {label(c): spread(c) for c in json.load(open(os.path.join(results, "between-stats-pooled.json")))["per_case"]}
    print("\nThe between split (NACA 2414 and 2416) on the data set's mesh and pooled over the meshes x0.9,")
    print("x0.95, x1.0 and x1.05 (train-between.sh), spread by condition:\n")
    print("| condition | spread, the data set's mesh | spread, four meshes |")
    print("|---|---|---|")
    for case in own:
        print(f"| {label(case)} | {spread(case):.2g} | {pooled[label(case)]:.2g} |" if label(case) in pooled
              else f"| {label(case)} | {spread(case):.2g} | diverged on a mesh |")
    print("\nThe shipped stall pair's settings (`examples/train-flow-stall-dense.json`: wall distance, high-noise")
    print("training times) trained on the pooled train split and the between split (NACA 2414 and 2416) pooled")
    print("over the meshes x0.9, x0.95, x1.0 and x1.05 (train-between.sh), `ddim:20:1` unless")
    print("named, 10 samples per condition, against the pooled test split:\n")
    print("| model | error of the mean / spread | error of the std / spread | predicted spread |"
          " NACA 2415 mean errors | NACA 2415 std errors |")
    print("|---|---|---|---|---|---|")
    for name, file in rows:
        m, s = model(os.path.join(results, f"{file}.json"))
        print(f"| {name} | {m['error_mean'] / s:.2f} | {m['error_std'] / s:.2f} | {m['predicted_mean_std']:.4f} |"
              f" {naca2415(m, 'error_mean')} | {naca2415(m, 'error_std')} |")
    print(f"| split-half floor of the pooled runs | {m['floor_error_mean'] / s:.2f} | {m['floor_error_std'] / s:.2f} | | | |")


def ode_table(results):
    """The networks of train-between.sh on the probability-flow ODE (ode.sh), against the pooled
    test split; the shipped pair so on the data set's own test split."""
    rows = [("seed 1, `ddim:20:1` (train-between.sh)", "pooled-between-seed1"),
            ("seed 2, `ddim:20:1`", "pooled-between-seed2"),
            ("seed 1, `ode-bs3:3e-2`", "pooled-between-seed1-ode-3e-2"),
            ("seed 2, `ode-bs3:3e-2`", "pooled-between-seed2-ode-3e-2"),
            ("seed 1, `ode-bs3:1e-2`", "pooled-between-seed1-ode"),
            ("seed 2, `ode-bs3:1e-2`", "pooled-between-seed2-ode"),
            ("the two averaged network by network, `ode-bs3:1e-2`", "pooled-between-avg-ode"),
            ("the same with 40 samples per condition (an exact surrogate: about 0.21 / 0.20)", "pooled-between-avg-ode-40"),
            ("seed 1 trained for 12000 steps, `ddim:20:1`", "pooled-between-seed1-12k"),
            ("seed 2 trained for 12000 steps, `ddim:20:1`", "pooled-between-seed2-12k"),
            ("seed 1 trained for 12000 steps, `ddim:50:1`", "pooled-between-seed1-12k-ddim-50"),
            ("seed 2 trained for 12000 steps, `ddim:50:1`", "pooled-between-seed2-12k-ddim-50"),
            ("seed 1 trained for 12000 steps, `ode-bs3:1e-2`", "pooled-between-seed1-12k-ode"),
            ("seed 2 trained for 12000 steps, `ode-bs3:1e-2`", "pooled-between-seed2-12k-ode"),
            ("the two 12000-step seeds averaged network by network, `ode-bs3:1e-2`", "pooled-between-12k-avg-ode"),
            ("the same with 40 samples per condition (an exact surrogate: about 0.21 / 0.20)", "pooled-between-12k-avg-ode-40"),
            ("the shipped stall pair averaged, `ddim:50:1`, uncalibrated, on the data set's own test split", "shipped-pair-ddim-50"),
            ("the same on `ode-bs3:3e-2`", "shipped-pair-ode")]
    print("\nThe networks of train-between.sh sampled on the probability-flow ODE (ode.sh), 10 samples per")
    print("condition, against the pooled test split unless named; evaluations per sample as reported; spreads")
    print("by condition in the order NACA 0012 at 19 and 21 degrees, NACA 2412 at 17, NACA 23012 at 19, NACA 2415")
    print("at 18 and 20:\n")
    print("| model | evaluations | error of the mean / spread | error of the std / spread | predicted spread |"
          " simulation spread | predicted / simulated spread by condition |")
    print("|---|---|---|---|---|---|---|")
    for name, m, s in written((name, os.path.join(results, f"{file}.json")) for name, file in rows):
        ratios = ", ".join(f"{c['predicted_mean_std'] / c['simulation_mean_std']:.2f}" for c in m["cases"])
        print(f"| {name} | {m['nfe']} | {m['error_mean'] / s:.2f} | {m['error_std'] / s:.2f} |"
              f" {m['predicted_mean_std']:.4f} | {s:.4f} | {ratios} |")


def spread_rule(results):
    """Whether the ODE's spread errs by a rule of the predicted spread: per condition, the fluid mean
    std predicted (p) and simulated (r) on seed 1's training conditions; the gain g and exponent gamma
    of r ~ g p (p / p0)^gamma (p0 the median p) that err least there, and what each does on the test split."""
    def pairs(file):
        m, _ = model(os.path.join(results, f"{file}.json"))
        return [(c["predicted_mean_std"], c["simulation_mean_std"]) for c in m["cases"]]

    def error(cases, g, gamma, p0):
        return sum(abs(g * p * (p / p0) ** gamma - r) for p, r in cases) / len(cases)

    train, test = pairs("train-between-seed1-ode"), pairs("pooled-between-seed1-ode")
    p0 = sorted(p for p, _ in train)[len(train) // 2]
    ratios = [p / r for p, r in train]
    print(f"\nSeed 1 on `ode-bs3:1e-2` on its {len(train)} training conditions (ode.sh): predicted over simulated")
    print(f"spread {min(ratios):.2f} to {max(ratios):.2f}. A per-condition rule std_cal = g std (S / S0)^gamma")
    print(f"(S the condition's predicted spread, S0 = {p0:.4f} their median), g fitted on the training conditions")
    print("for each gamma; error of each condition's spread, averaged, over the split's spread:\n")
    print("| gamma | g | training conditions | pooled test split |")
    print("|---|---|---|---|")
    train_spread = sum(r for _, r in train) / len(train)
    test_spread = sum(r for _, r in test) / len(test)
    print(f"| uncalibrated | 1 | {error(train, 1, 0, p0) / train_spread:.3f} | {error(test, 1, 0, p0) / test_spread:.3f} |")
    for gamma in (0, 0.25, 0.5, 0.75, 1.0):
        g = min((k / 100 for k in range(50, 201)), key=lambda g: error(train, g, gamma, p0))
        print(f"| {gamma} | {g:.2f} | {error(train, g, gamma, p0) / train_spread:.3f} |"
              f" {error(test, g, gamma, p0) / test_spread:.3f} |")


def mesh_floor(results):
    """The pooled test split's five meshes split two against three (mesh-floor.sh): the errors of the
    one pool against the other, and scaled to an exact surrogate with 10 samples against all five."""
    splits = sorted(f for f in os.listdir(results) if f.startswith("mesh-floor-"))
    m, s = model(os.path.join(results, "pooled-between-seed1.json"))
    errors = []
    for f in splits:
        cases = json.load(open(os.path.join(results, f)))["cases"]
        errors.append([sum(c[ch][key] for c in cases for ch in ("p", "ux", "uy")) / (3 * len(cases))
                       for key in ("error_of_mean", "error_of_std")])
    mean = [sum(e[k] for e in errors) / len(errors) for k in (0, 1)]
    # Var of the difference of two pooled means with the meshes' variance dominant (the runs of one
    # mesh scatter by 0.0149, the pool by 0.0625): 1/2 + 1/3 of it for two meshes against three,
    # 1/10 + 1/5 for 10 samples of an exact surrogate (each from its own mesh) against five meshes.
    scale = ((1 / 10 + 1 / 5) / (1 / 2 + 1 / 3)) ** 0.5
    print(f"\nThe pooled test split's five meshes split two against three, in all {len(splits)} ways (mesh-floor.sh;")
    print("`metrics fields`, 4 snapshots of each mesh), errors over the pooled split's spread:\n")
    print("| comparison | error of the mean / spread | error of the std / spread |")
    print("|---|---|---|")
    print(f"| two meshes against the other three, mean over the splits | {mean[0] / s:.2f} | {mean[1] / s:.2f} |")
    print(f"| the same, least and most | {min(e[0] for e in errors) / s:.2f} to {max(e[0] for e in errors) / s:.2f} |"
          f" {min(e[1] for e in errors) / s:.2f} to {max(e[1] for e in errors) / s:.2f} |")
    print(f"| scaled by {scale:.2f}: an exact surrogate, 10 samples, against the five meshes |"
          f" {scale * mean[0] / s:.2f} | {scale * mean[1] / s:.2f} |")
    print(f"| 0.87 times the random split-half floor (both halves of the same five meshes) |"
          f" {0.87 * m['floor_error_mean'] / s:.2f} | {0.87 * m['floor_error_std'] / s:.2f} |")


def held_out_mesh(results):
    """The shipped pooled flow pair against the pooled test split, the pool of its four training
    meshes and the held-out mesh x0.8 alone (held-out-mesh.sh), absolute errors beside their floors."""
    rows = [("the five meshes (the pooled test split; validation/stall-pooled's flow-mix-heun-10-rho04-40)",
             POOLED_PAIR_40)]
    rows += [(name, os.path.join(results, f"held-out-mesh-{file}.json")) for name, file in
             [("the four training meshes x0.9 to x1.05", "training-meshes"),
              ("the held-out mesh x0.8 alone", "x0.8"),
              ("the four training meshes, answered by the lookup of the training simulations",
               "training-meshes-nearest")]]
    print("\nThe shipped pooled flow pair (`examples/stall-pooled-flow-seed1.aerodiff`, `-seed2`) as a mixture,")
    print("`heun:10:rho=0.4`, 40 samples per condition (held-out-mesh.sh), against runs with and without the")
    print("mesh x0.8, which is in the pooled test split and in no training run; absolute errors (dimensionless),")
    print("the split-half floor of each reference, and the spread at NACA 0012, 19 degrees, Re 2e6:\n")
    print("| reference | error of the mean | error of the std | split-half floor, mean / std | simulation spread |"
          " predicted spread | NACA 0012 at 19 degrees, predicted / simulated spread |")
    print("|---|---|---|---|---|---|---|")
    for name, m, s in written(rows):
        naca0012 = [c for c in m["cases"] if c["airfoil"] == "naca0012" and c["aoa"] == 19]
        at19 = (f"{naca0012[0]['predicted_mean_std']:.3f} / {naca0012[0]['simulation_mean_std']:.3f}"
                if naca0012 else "")
        print(f"| {name} | {m['error_mean']:.4f} | {m['error_std']:.4f} |"
              f" {m['floor_error_mean']:.4f} / {m['floor_error_std']:.4f} | {s:.4f} |"
              f" {m['predicted_mean_std']:.4f} | {at19} |")


if __name__ == "__main__":
    found = [f[len("stats-"):-len(".json")] for f in os.listdir(sys.argv[1])
             if f.startswith("stats-") and f != "stats-pooled.json"]
    main(sys.argv[1], sorted(found, key=float))
    tables = [("stats-pooled.json", pooled_table), ("meshpool-seed2-ddim-20-eta1.json", trained_table),
              ("pooled-between-nearest.json", between_table), ("pooled-between-avg-ode.json", ode_table),
              ("train-between-seed1-ode.json", spread_rule), ("mesh-floor-1.0-0.8.json", mesh_floor),
              ("held-out-mesh-training-meshes.json", held_out_mesh)]
    for marker, table in tables:   # each table where the script that writes it has run
        if os.path.exists(os.path.join(sys.argv[1], marker)):
            table(sys.argv[1])
