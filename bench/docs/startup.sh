#!/usr/bin/env bash
# What a one-page crawl costs, start-up included, for the benchmark app built three ways: JIT (a plain Release build),
# ReadyToRun (dotnet publish -r linux-x64 -p:PublishReadyToRun=true) and Native AOT (-p:BenchAot=true, which sets
# PublishAot in the app's project only). The page is one large docs page (sql-select.html of the PostgreSQL manual,
# 108 KB) with its links made local anchors, served by the shared harness's docs scenario; REPS runs each, interleaved.
#
#   bench/docs/startup.sh            # builds the three apps into CACHE/startup-{jit,r2r,aot}, then measures
#   SKIP_BUILD=1 bench/docs/startup.sh
#   JIT_APP=DIR AOT_APP=DIR bench/docs/startup.sh   # reuse builds (bench/docs/run.sh makes CACHE/docs-jit and docs-aot)
#
# Prints one line per run (CPU seconds of the process: user + sys, peak RSS) and the medians.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench}
REPS=${REPS:-5}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/declarativescrape-bench
proj="$repo/bench/DeclarativeScrape.CrawlBenchmark/DeclarativeScrape.CrawlBenchmark.csproj"
common=(-c Release -p:UseSharedCompilation=false -nodeReuse:false --nologo -v quiet -clp:ErrorsOnly)
JIT_APP=${JIT_APP:-$cache/startup-jit}
R2R_APP=${R2R_APP:-$cache/startup-r2r}
AOT_APP=${AOT_APP:-$cache/startup-aot}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  [ "$JIT_APP" != "$cache/startup-jit" ] || dotnet build "$proj" "${common[@]}" -o "$JIT_APP"
  [ "$R2R_APP" != "$cache/startup-r2r" ] || dotnet publish "$proj" "${common[@]}" -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$R2R_APP"
  [ "$AOT_APP" != "$cache/startup-aot" ] || dotnet publish "$proj" "${common[@]}" -r linux-x64 -p:BenchAot=true -o "$AOT_APP"
fi
page=$(mktemp -d)
chmod 755 "$page"   # nginx's worker reads it
/usr/bin/python3 - "$page" <<'PY'
import re, sys
html = open('/usr/share/doc/postgresql-doc-15/html/sql-select.html', encoding='utf-8').read()
open(sys.argv[1] + '/index.html', 'w', encoding='utf-8').write(re.sub(r'href="[^"]*"', 'href="#x"', html))
PY
lock=/work/coord/bench.lock
[ -e "$lock" ] || lock="$page/lock"
declare -A cmds=(
  [jit]="dotnet $JIT_APP/DeclarativeScrape.CrawlBenchmark.dll"
  [r2r]="dotnet $R2R_APP/DeclarativeScrape.CrawlBenchmark.dll"
  [aot]="$AOT_APP/DeclarativeScrape.CrawlBenchmark"
)
results="$page/runs.txt"
for rep in $(seq 1 "$REPS"); do
  for build in jit r2r aot; do
    line=$(flock "$lock" /usr/bin/python3 "$BENCH/run.py" --scenario docs --docroot "$page" -c 16 --tool cmd --tool-name "startup-$build" \
      --tag startup --tool-cmd "${cmds[$build]} --job {job} --start {start} --concurrency {concurrency} --out {out}" | tail -1)
    /usr/bin/python3 -c "
import json, sys
r = json.loads(sys.argv[2])
assert r['finished'] and r['items_correct'] == 1, r
print(sys.argv[1], r['cpu_s'], r['peak_rss_mb'], r['loadavg_start'], r['loadavg_end'])" "$build" "$line" | tee -a "$results"
  done
done
/usr/bin/python3 - "$results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
print("| build | one-page crawl CPU s (median) | peak RSS MB (median) | runs | load average (start, end) |")
print("|---|---|---|---|---|")
for build in ("jit", "r2r", "aot"):
    mine = [r for r in rows if r[0] == build]
    print(f"| {build} | {statistics.median(float(r[1]) for r in mine):.2f} | {statistics.median(float(r[2]) for r in mine):.0f} | {len(mine)} | "
          f"{min(float(r[3]) for r in mine):.1f}-{max(float(r[4]) for r in mine):.1f} |")
PY
rm -rf "$page"
