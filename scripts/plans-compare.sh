#!/usr/bin/env bash
# Writes the plans of `plan`, `assign` and `solve` (fixed seed and effort, PLANS_EFFORT, and a
# time limit they do not reach) for the fixtures and ten generated editions, then compares them
# byte for byte with an earlier run. Used to show that a refactoring leaves the plans unchanged.
#
#   scripts/plans-compare.sh BINARY OUT_DIR [BASELINE_DIR]
#
# Without BASELINE_DIR it only writes OUT_DIR (make the baseline with the old binary first).
# A term a newer SPEC adds (named in IGNORE_TERMS, default `theme_missing`) is left out of the
# plans' `penalty` when it is 0, so that a baseline made before it still compares.
# Exit status: 0 when every plan is the same, 1 when one differs.
set -euo pipefail
bin=$1 out=$2 base=${3:-}
root=$(cd "$(dirname "$0")/.." && pwd)
limit=${PLANS_TIME_LIMIT:-300}
effort=${PLANS_EFFORT:-200}
mkdir -p "$out/editions"
for t in 1 12; do
  for s in 1 2 3 4 5; do
    "$bin" generate --territories "$t" --seed "$s" -o "$out/editions/gen-t$t-s$s.json"
  done
done
cp "$root/fixtures/tiny.json" "$root/fixtures/haute-vienne-2016.json" "$out/editions/"
for ed in "$out"/editions/*.json; do
  name=$(basename "$ed" .json)
  run=("--quiet" "--seed" "1" "--time-limit" "$limit" "--effort" "$effort")
  "$bin" plan "${run[@]}" -o "$out/$name.plan.json" "$ed"
  "$bin" assign "${run[@]}" -o "$out/$name.assign.json" "$ed" "$out/$name.plan.json"
  "$bin" solve "${run[@]}" -o "$out/$name.solve.json" "$ed"
done
[ -z "$base" ] && exit 0
ignore=${IGNORE_TERMS:-theme_missing}
# The plan file without the ignored terms when they are 0, written as the project writes it.
strip() {
  python3 -c '
import json, sys
plan = json.load(open(sys.argv[1]), object_pairs_hook=dict)
for t in sys.argv[2].split(","):
    if plan.get("penalty", {}).get(t) == 0:
        del plan["penalty"][t]
print(json.dumps(plan, indent=2, ensure_ascii=False))' "$1" "$ignore"
}
status=0
for f in "$base"/*.json "$base"/editions/*.json; do
  rel=${f#"$base"/}
  if ! cmp -s <(strip "$f") <(strip "$out/$rel"); then echo "differs: $rel"; status=1; fi
done
[ $status = 0 ] && echo "all $(ls "$base"/*.json | wc -l) plans identical"
exit $status
