#!/usr/bin/env bash
# End-to-end crawl benchmark: DeclarativeScrape (bench/DeclarativeScrape.CrawlBenchmark) against Scrapy, aiohttp and
# Crawlee on the shared benchmark shop (/work/shared/bench), through its harness (run.py, compare.sh). See bench/README.md.
#
#   bench/crawl/run.sh                 # everything: setup, build, latency runs, scale runs, tables
#   REPS=1 SCALE_REPS=1 bench/crawl/run.sh
#   PARTS=scale bench/crawl/run.sh     # only the 10k/100k peak-RSS runs
#   bench/crawl/run.sh --tables RUNID  # print the tables of an earlier run again
#
# Environment (defaults in brackets):
#   REPS [3]                  repetitions of the latency runs (interleaved by compare.sh)
#   SCALE_REPS [3]            repetitions of each scale run
#   PARTS ["latency scale"]   which parts to run
#   TOOLS ["cmd scrapy aiohttp crawlee-fixed"]   tools of the latency runs ("cmd" is DeclarativeScrape)
#   CONCURRENCIES ["64 256"]  C of the latency runs (50 ms latency, pager window 20, PRODUCTS products)
#   PRODUCTS [10000]
#   SCALE_PRODUCTS ["10000 100000"], SCALE_C [64], SCALE_TOOLS [cmd]   the peak-RSS runs (no added latency)
#   BENCH [/work/shared/bench]  the shared harness; RESULTS [its default, ~/.cache/declarativescrape-bench/results]
#   SKIP_SETUP [0]            1: do not run the harness's setup.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
here="$repo/bench/crawl"
BENCH=${BENCH:-/work/shared/bench}
REPS=${REPS:-3}
SCALE_REPS=${SCALE_REPS:-3}
PARTS=${PARTS:-"latency scale"}
TOOLS=${TOOLS:-"cmd scrapy aiohttp crawlee-fixed"}
CONCURRENCIES=${CONCURRENCIES:-"64 256"}
PRODUCTS=${PRODUCTS:-10000}
SCALE_PRODUCTS=${SCALE_PRODUCTS:-"10000 100000"}
SCALE_C=${SCALE_C:-64}
SCALE_TOOLS=${SCALE_TOOLS:-cmd}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/declarativescrape-bench
RESULTS=${RESULTS:-$cache/results}
export RESULTS

if [ "${1:-}" = "--tables" ]; then
  exec /usr/bin/python3 "$here/tables.py" --results "$RESULTS" --run "${2:?usage: run.sh --tables RUNID}"
fi

run=$(date +%Y%m%dT%H%M%S)
mkdir -p "$RESULTS"
machine="$RESULTS/machine-$run.txt"
{
  echo "run $run"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "kernel: $(uname -r)"
  echo "dotnet: $(dotnet --version)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$machine"

# 1. The harness: apt packages for the Python peers, npm packages for Crawlee, the site build (idempotent).
if [ "${SKIP_SETUP:-0}" != 1 ]; then
  "$BENCH/setup.sh"
fi

# 2. The benchmark app, built once in Release into a fixed folder (the measured command runs the built dll).
app="$cache/crawl-benchmark"
echo "== dotnet build (Release) -> $app"
dotnet build "$repo/bench/DeclarativeScrape.CrawlBenchmark/DeclarativeScrape.CrawlBenchmark.csproj" -c Release -o "$app" \
  -p:UseSharedCompilation=false -nodeReuse:false --nologo -v quiet -clp:ErrorsOnly
cmd="dotnet $app/DeclarativeScrape.CrawlBenchmark.dll --start {start} --concurrency {concurrency} --out {out}"

# 3. Throughput, CPU and lag at 50 ms per response, wide frontier (numbered pager), every tool interleaved.
if [[ " $PARTS " == *" latency "* ]]; then
  for c in $CONCURRENCIES; do
    echo "== latency runs: C=$c, $PRODUCTS products, 50 ms, pager window 20, tools: $TOOLS, $REPS reps ($(cut -d' ' -f1-3 /proc/loadavg))"
    TAG="$run-lat50-c$c" TOOLS="$TOOLS" REPS="$REPS" "$BENCH/compare.sh" --scenario shop -c "$c" --products "$PRODUCTS" \
      --latency-ms 50 --pager-window 20 --tool-name declarativescrape --tool-cmd "$cmd" > /dev/null
  done
fi

# 4. Peak RSS at 10k and 100k products (no added latency: CPU-bound, the most pages per second).
if [[ " $PARTS " == *" scale "* ]]; then
  for rep in $(seq 1 "$SCALE_REPS"); do
    for n in $SCALE_PRODUCTS; do
      for tool in $SCALE_TOOLS; do
        echo "== scale run $rep/$SCALE_REPS: $tool, $n products, C=$SCALE_C ($(cut -d' ' -f1-3 /proc/loadavg))"
        /usr/bin/python3 "$BENCH/run.py" --scenario shop --tool "$tool" -c "$SCALE_C" --products "$n" --pager-window 20 \
          --limit-s 900 --tag "$run-scale-$n" --results "$RESULTS" --tool-name declarativescrape --tool-cmd "$cmd" > /dev/null ||
          echo "run failed: $tool $n rep $rep" >&2
      done
    done
  done
fi

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$machine"
/usr/bin/python3 "$here/tables.py" --results "$RESULTS" --run "$run"
