#!/bin/bash
# What a state directory costs (docs/performance.md, "State directory"):
#   1. throughput and CPU: the benchmark app (bench/DeclarativeScrape.CrawlBenchmark) in memory and with --state (a fresh
#      directory per run, deleted after it), interleaved pair by pair, on the shared harness's shop: 10,000 products,
#      50 ms per response, pager window 20, C=64 and C=256, REPS pairs; the two commands differ only by --state;
#   2. memory: bench/StateBench/frontier.sh, a crawl whose frontier grows to 1,000,000 URLs, with and without --state.
# Knobs: REPS (3), CONCURRENCIES ("64 256"), PRODUCTS (10000), PARTS ("throughput memory"), BENCH (/work/shared/bench).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/declarativescrape-bench
REPS=${REPS:-3}
CONCURRENCIES=${CONCURRENCIES:-"64 256"}
PRODUCTS=${PRODUCTS:-10000}
PARTS=${PARTS:-"throughput memory"}
RESULTS=${RESULTS:-$cache/results}
run=$(date -u +%Y%m%dT%H%M%S)
echo "== run $run on $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ " $PARTS " == *" throughput "* ]]; then
  app="$cache/state-benchmark"
  dotnet build "$repo/bench/DeclarativeScrape.CrawlBenchmark/DeclarativeScrape.CrawlBenchmark.csproj" -c Release -o "$app" \
    -p:UseSharedCompilation=false -nodeReuse:false --nologo -v quiet -clp:ErrorsOnly
  states=$(mktemp -d)
  memory="dotnet $app/DeclarativeScrape.CrawlBenchmark.dll --start {start} --concurrency {concurrency} --out {out}"
  state="sh -c 'd=\$(mktemp -d $states/run.XXXX); $memory --state \$d/state; rc=\$?; rm -rf \$d; exit \$rc'"
  for c in $CONCURRENCIES; do
    for i in $(seq 1 "$REPS"); do
      for tool in memory state; do
        if [ $tool = memory ]; then cmd=$memory; else cmd=$state; fi
        "$BENCH/run.py" --scenario shop -c "$c" --products "$PRODUCTS" --latency-ms 50 --pager-window 20 \
          --tag "$run-state-c$c" --results "$RESULTS" --tool cmd --tool-name "$tool" --tool-cmd "$cmd" > /dev/null
      done
    done
  done
  rm -rf "$states"
  echo "== medians ($REPS runs each; load now $(cut -d' ' -f1-3 /proc/loadavg))"
  python3 - "$RESULTS/runs.jsonl" "$run" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if f'"{sys.argv[2]}-state-' in l]
print("| C | run | pages/s | CPU s / 1k pages | peak RSS MB | items correct | duplicates | finished |")
print("|---|---|---|---|---|---|---|---|")
for tag in sorted({r["tag"] for r in runs}, key=lambda t: int(t.rsplit("c", 1)[1])):
    for tool in ("memory", "state"):
        rs = [r for r in runs if r["tag"] == tag and r["tool"] == tool]
        med = lambda k: statistics.median(r[k] for r in rs)
        print(f'| {tag.rsplit("c", 1)[1]} | {tool} | {med("pages_per_s"):.0f} | {med("cpu_s_per_1000_pages"):.3f} | {med("peak_rss_mb"):.0f} '
              f'| {min(r["items_correct"] for r in rs)}/{rs[0]["items_expected"]} | {max(r["duplicate_items"] for r in rs)} | {sum(r["finished"] for r in rs)}/{len(rs)} |')
    pairs = [(m, s) for m, s in zip([r for r in runs if r["tag"] == tag and r["tool"] == "memory"], [r for r in runs if r["tag"] == tag and r["tool"] == "state"])]
    rates = ", ".join("%.2f" % (s["pages_per_s"] / m["pages_per_s"]) for m, s in pairs)
    cpus = ", ".join("%.2f" % (s["cpu_s"] / m["cpu_s"]) for m, s in pairs)
    print(f"|  | state / memory, pair by pair | {rates} | {cpus} |  |  |  |  |")
PY
fi

if [[ " $PARTS " == *" memory "* ]]; then
  echo "== memory: a 1,000,000-URL frontier"
  "$repo/bench/StateBench/frontier.sh"
fi
