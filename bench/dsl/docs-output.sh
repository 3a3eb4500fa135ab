#!/usr/bin/env bash
# The Docs example's crawl of its embedded demo documentation site (200 pages), before and after issue 11's DSL:
# before = examples/Docs at BEFORE_REV (main before the DSL landed: every [Follow] list written into each item, heading
# anchors cut by a regex), after = this tree's examples/Docs ([Count], [Trim], links not written, [FollowLinks]).
# Prints, per build, the median over REPS interleaved runs of: CPU seconds (user + system, start-up included), peak
# RSS, pages processed, items, output bytes; and the load average before and after. Run under the bench lock:
#   flock /work/coord/bench.lock bench/dsl/docs-output.sh
# Knobs: REPS (5), BEFORE_REV (91339ad), WORK (a scratch folder, default: a new one under /tmp), SKIP_BUILD=1 (reuse WORK's builds),
# BUILD_ONLY=1 (build into WORK and stop: the builds need no lock, then run with SKIP_BUILD=1 under it).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
REPS=${REPS:-5}
BEFORE_REV=${BEFORE_REV:-91339ad}
WORK=${WORK:-$(mktemp -d /tmp/ds-bench-dsl.XXXXXX)}
ROOT=$(pwd)

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  rm -rf "$WORK/before-src"
  git worktree add --detach "$WORK/before-src" "$BEFORE_REV" > /dev/null
  # The benchmark's build of the old tree looks for ../shared beside it only for tests; examples build alone.
  dotnet build -c Release "$WORK/before-src/examples/Docs" -o "$WORK/before" -v q -nologo > "$WORK/build-before.log"
  git worktree remove --force "$WORK/before-src"
  dotnet build -c Release "$ROOT/examples/Docs" -o "$WORK/after" -v q -nologo > "$WORK/build-after.log"
fi
if [ "${BUILD_ONLY:-0}" = 1 ]; then
  echo "built in $WORK"
  exit 0
fi

echo "load before: $(cat /proc/loadavg)"
for rep in $(seq "$REPS"); do
  for build in before after; do
    out="$WORK/$build-$rep.jsonl"
    /usr/bin/time -f "%U %S %M" -o "$WORK/$build-$rep.time" dotnet "$WORK/$build/Docs.dll" --quiet --out "$out" 2> "$WORK/$build-$rep.err" > /dev/null
    read -r user sys rss < "$WORK/$build-$rep.time"
    processed=$(grep -o '"processed":[0-9]*' "$WORK/$build-$rep.err" | head -1 | cut -d: -f2 || true)
    items=$(wc -l < "$out")
    bytes=$(stat -c %s "$out")
    echo "$build $rep $(awk "BEGIN{print $user + $sys}") $rss ${processed:-?} $items $bytes" | tee -a "$WORK/runs.txt"
  done
done
echo "load after: $(cat /proc/loadavg)"

python3 - "$WORK/runs.txt" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
print("| build | CPU s (median) | peak RSS MB | pages processed | items | output bytes | bytes per item |")
print("|---|---|---|---|---|---|---|")
for build in ("before", "after"):
    r = [x for x in rows if x[0] == build]
    cpu = statistics.median(float(x[2]) for x in r)
    rss = statistics.median(int(x[3]) for x in r) / 1024
    items = int(r[-1][5]); size = int(r[-1][6])
    print(f"| {build} | {cpu:.2f} | {rss:.0f} | {r[-1][4]} | {items} | {size:,} | {size // max(items, 1):,} |")
PY
echo "runs and logs: $WORK"
