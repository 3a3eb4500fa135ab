#!/usr/bin/env bash
# Politeness benchmark: rate discovery and faults, DeclarativeScrape (bench/DeclarativeScrape.CrawlBenchmark) beside
# aiohttp, Scrapy (with and without AutoThrottle) and Crawlee, through the shared harness (/work/shared/bench: run.py).
# Run it alone on the machine (it takes bench.lock when there is one). See bench/README.md, "Politeness".
#
#   bench/politeness/run.sh                       # both parts
#   PARTS=ratelimit RATES="20" SEEDS="1" bench/politeness/run.sh
#   bench/politeness/run.sh --tables RUNID        # print the tables of an earlier run again
#
# Environment (defaults in brackets):
#   PARTS ["ratelimit faults"]
#   RATES ["20 100"]   allowed requests/s of the ratelimit runs (token bucket, burst BURST, 429, Retry-After 1)
#   BURST [20]; LATENCY [50] ms; SEEDS ["1 2"]; SECONDS [30]: products per run = rate x SECONDS
#   LIMIT_MODE [bucket]; LIMIT_STATUS [429]; RETRY_AFTER [1]
#   RL_TOOLS ["cmd cmd-rate aiohttp scrapy scrapy-at crawlee"]   cmd: the limit unknown; cmd-rate: --rate given
#   FAULT_C ["64 256"]; FAULT_PRODUCTS [2000]; FAULT_RATE [0.08]
#   FAULT_TOOLS ["cmd cmd-fixed aiohttp scrapy crawlee-fixed"]   cmd-fixed: --no-adaptive
#   BENCH [/work/shared/bench]; RESULTS [~/.cache/declarativescrape-bench/results]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench}
PARTS=${PARTS:-"ratelimit faults"}
RATES=${RATES:-"20 100"}
BURST=${BURST:-20}
LATENCY=${LATENCY:-50}
SEEDS=${SEEDS:-"1 2"}
SECONDS_PER_RUN=${SECONDS:-30}
LIMIT_MODE=${LIMIT_MODE:-bucket}
LIMIT_STATUS=${LIMIT_STATUS:-429}
RETRY_AFTER=${RETRY_AFTER:-1}
RL_TOOLS=${RL_TOOLS:-"cmd cmd-rate aiohttp scrapy scrapy-at crawlee"}
FAULT_C=${FAULT_C:-"64 256"}
FAULT_PRODUCTS=${FAULT_PRODUCTS:-2000}
FAULT_RATE=${FAULT_RATE:-0.08}
FAULT_TOOLS=${FAULT_TOOLS:-"cmd cmd-fixed aiohttp scrapy crawlee-fixed"}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/declarativescrape-bench
RESULTS=${RESULTS:-$cache/results}
export RESULTS

if [ "${1:-}" = "--tables" ]; then
  exec /usr/bin/python3 "$repo/bench/politeness/tables.py" --results "$RESULTS" --run "${2:?usage: run.sh --tables RUNID}"
fi

run=polite-$(date +%Y%m%dT%H%M%S)
mkdir -p "$RESULTS"
echo "run $run; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$RESULTS/machine-$run.txt"

app="$cache/crawl-benchmark-polite"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== dotnet build (Release) -> $app"
  dotnet build "$repo/bench/DeclarativeScrape.CrawlBenchmark/DeclarativeScrape.CrawlBenchmark.csproj" -c Release -o "$app" \
    -p:UseSharedCompilation=false -nodeReuse:false --nologo -v quiet -clp:ErrorsOnly
fi
base="dotnet $app/DeclarativeScrape.CrawlBenchmark.dll --start {start} --concurrency {concurrency} --out {out}"

# One measured run: TOOL (a harness tool, or cmd / cmd-rate / cmd-fixed) then run.py's arguments.
one() {
  local tool=$1; shift
  case $tool in
    cmd) /usr/bin/python3 "$BENCH/run.py" --tool cmd --tool-name declarativescrape --tool-cmd "$base" "$@" ;;
    cmd-rate) /usr/bin/python3 "$BENCH/run.py" --tool cmd --tool-name declarativescrape-rate --tool-cmd "$base --rate $RATE" "$@" ;;
    cmd-fixed) /usr/bin/python3 "$BENCH/run.py" --tool cmd --tool-name declarativescrape-no-adaptive --tool-cmd "$base --no-adaptive" "$@" ;;
    *) /usr/bin/python3 "$BENCH/run.py" --tool "$tool" "$@" ;;
  esac
}

if [[ " $PARTS " == *" ratelimit "* ]]; then
  for seed in $SEEDS; do
    for RATE in $RATES; do
      products=$(( RATE * SECONDS_PER_RUN ))
      for tool in $RL_TOOLS; do
        echo "== ratelimit $RATE/s burst $BURST, seed $seed, $tool ($(cut -d' ' -f1-3 /proc/loadavg))"
        one "$tool" --tag "$run-ratelimit-s$seed" --scenario ratelimit -c 64 --products "$products" --pager-window 20 \
          --latency-ms "$LATENCY" --rps "$RATE" --burst "$BURST" --limit-mode "$LIMIT_MODE" \
          --limit-status "$LIMIT_STATUS" --retry-after "$RETRY_AFTER" --seed "$seed" --limit-s 600 > /dev/null || true
      done
    done
  done
fi

if [[ " $PARTS " == *" faults "* ]]; then
  for c in $FAULT_C; do
    for tool in $FAULT_TOOLS; do
      echo "== faults C=$c, $FAULT_PRODUCTS products, fault rate $FAULT_RATE, $tool ($(cut -d' ' -f1-3 /proc/loadavg))"
      one "$tool" --tag "$run-faults" --scenario faults -c "$c" --products "$FAULT_PRODUCTS" --pager-window 20 \
        --fault-rate "$FAULT_RATE" --limit-s 600 > /dev/null || true
    done
  done
fi

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/machine-$run.txt"
/usr/bin/python3 "$repo/bench/politeness/tables.py" --results "$RESULTS" --run "$run"
