#!/usr/bin/env bash
# Where a docs crawl's CPU goes, by stage: the benchmark app (bench/DeclarativeScrape.CrawlBenchmark, --job docs) runs
# the shared harness's docs scenario under `perf record` (software cpu-clock sampling at 999 Hz with call stacks; the
# runtime writes /tmp/perf-PID.map so managed frames have names), then bench/docs/stages.py puts each sample in a stage
# and prints the table with CPU ms per 100 KB of HTML. See bench/README.md.
#
#   bench/docs/profile.sh [DOCROOT] [C]            # default: the Django corpus, C=16
#
# Environment: APP (a built or published app folder; default: builds the app in Release into CACHE/perf-app), KEEP (a
# file to keep the `perf script` output in),
# BENCH (/work/shared/bench), RESULTS. Needs perf (Debian's linux-perf). Holds /work/coord/bench.lock when it exists.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
DOCROOT=${1:-/usr/share/doc/python-django-doc/html}
C=${2:-16}
BENCH=${BENCH:-/work/shared/bench}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/declarativescrape-bench
APP=${APP:-}
if [ -z "$APP" ]; then
  APP="$cache/perf-app"
  dotnet build "$repo/bench/DeclarativeScrape.CrawlBenchmark/DeclarativeScrape.CrawlBenchmark.csproj" -c Release -o "$APP" \
    -p:UseSharedCompilation=false -nodeReuse:false --nologo -v quiet -clp:ErrorsOnly
fi
if [ -x "$APP/DeclarativeScrape.CrawlBenchmark" ] && [ ! -f "$APP/DeclarativeScrape.CrawlBenchmark.dll" ]; then
  run_app="$APP/DeclarativeScrape.CrawlBenchmark"   # Native AOT
else
  run_app="dotnet $APP/DeclarativeScrape.CrawlBenchmark.dll"
fi
out=$(mktemp -d)
wrapper="$out/perf-wrapper.sh"
cat > "$wrapper" <<WRAP
#!/usr/bin/env bash
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
exec perf record -F 999 -e cpu-clock -g -o "$out/perf.data" -- $run_app "\$@"
WRAP
chmod +x "$wrapper"
lock=/work/coord/bench.lock
[ -e "$lock" ] || lock="$out/lock"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
flock "$lock" /usr/bin/python3 "$BENCH/run.py" --scenario docs --docroot "$DOCROOT" -c "$C" --tool cmd --tool-name ds-profile \
  --tag profile --tool-cmd "$wrapper --job {job} --start {start} --concurrency {concurrency} --out {out}" > "$out/result.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu=$(/usr/bin/python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1])['cpu_s'])" "$out/result.json")
gc=$(/usr/bin/python3 -c "import json,sys; r=json.loads(open(sys.argv[1]).read().splitlines()[-1]); print(r.get('tool_result',{}).get('gc',{}).get('pauseTotalMs',0))" "$out/result.json")
kb=$(find "$DOCROOT" -name '*.html' -printf '%s\n' | awk '{s+=$1} END {printf "%.0f", s/1024}')
echo "corpus $DOCROOT: $kb KB of HTML; the crawl's CPU: $cpu s (includes perf's own sampling overhead)"
perf script -i "$out/perf.data" 2> /dev/null > "$out/perf.script"
/usr/bin/python3 "$repo/bench/docs/stages.py" --cpu-s "$cpu" --kb "$kb" --gc-pause-ms "$gc" < "$out/perf.script"
[ -z "${KEEP:-}" ] || cp "$out/perf.script" "$KEEP"
rm -rf "$out" /tmp/perf-*.map
