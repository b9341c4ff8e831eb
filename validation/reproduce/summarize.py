"""Tabulates validation/reproduce/results/*.json (`model reproduce --json`) as Markdown, with the shipped
bundles not replayed and why. Usage: summarize.py RESULTS_DIR EXAMPLES_DIR > summary.md"""
import glob, json, os, sys, zipfile
out, examples = sys.argv[1], sys.argv[2]
print("# Shipped bundles trained again from their records (`model reproduce`)\n")
print("Written by `validation/reproduce/run.sh` (`ALL=1` for whole runs), one thread per replay.\n")
print("| bundle | steps replayed | largest relative difference of a block's mean loss "
      "| largest difference of an averaged weight | reproduced |")
print("|---|---|---|---|---|")
done = set()
for path in sorted(glob.glob(os.path.join(out, "*.json"))):
    d = json.load(open(path))
    done.add(os.path.basename(d["bundle"]))
    weight = d.get("largest_weight_difference")
    other = "" if d.get("data_as_recorded", True) else ", on `%s` (another SHA-256 than recorded)" % d["data"]
    print("| `%s` | %d of %d%s | %.3g | %s | %s |" % (d["bundle"], d["replayed_steps"], d["recorded_steps"], other,
          d["largest_relative_difference"], "" if weight is None else "%.3g" % weight,
          "yes" if d["reproduced"] else "**no**"))
for bundle in sorted(glob.glob(os.path.join(examples, "*.aerodiff"))):
    if os.path.basename(bundle) not in done:
        provenance = json.loads(zipfile.ZipFile(bundle).read("manifest.json")).get("provenance", {})
        why = ("its training data (`%s`) is not here" % provenance["data"] if "training_loss" in provenance
               else "it records no training loss to compare with")
        print("| `%s` | not replayed: %s | | | |" % (bundle, why))
