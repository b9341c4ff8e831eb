#!/usr/bin/env bash
# Cross-checks `aerodiff metrics wasserstein` against POT (ot.emd2) and times both as whole
# processes (results.json), then records a `rate-check` recovery run (rate-results.json).
#   bash validation/wasserstein/check.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

# Debian's Python (not the first python3 on PATH) with numpy and POT.
if ! /usr/bin/python3 -c "import numpy, ot" 2>/dev/null; then
    echo "installing python3-pot ..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pot >/dev/null
fi
[ -f target/aerodiff.jar ] || mvn -q -B package -DskipTests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/compare.py" "$work" > "$here/results.json"
/usr/bin/python3 - "$here/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("max relative difference to POT:", r["max_relative_difference"])
for c in r["cases"]:
    if "wall_seconds" in c:
        w, u = c["wall_seconds"], c["cpu_seconds"]
        print(f"n={c['n']} dim={c['dim']} p={c['p']}: wall aerodiff {w['aerodiff_median']:.2f} s, "
              f"POT {w['pot_median']:.2f} s (median of {len(w['pot'])}; aerodiff faster in {w['aerodiff_faster_in']}); "
              f"CPU aerodiff {u['aerodiff_median']:.2f} s, POT {u['pot_median']:.2f} s")
if r["max_relative_difference"] > 1e-6:
    sys.exit("relative difference above 1e-6")
PY

bash "$here/rate.sh" > "$here/rate-results.json"
