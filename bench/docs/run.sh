#!/usr/bin/env bash
# Large pages against the peers, before and after, in one interleaved run: the shared harness's docs scenario on the
# PostgreSQL and Django manuals (and, with PARTS including shop, the benchmark shop at 50 ms), each tool once per
# repetition in turn, then median tables. See bench/README.md and docs/performance.md.
#
#   bench/docs/run.sh                        # build, then REPS=3 interleaved repetitions at C=16 and C=64
#   SKIP_BUILD=1 REPS=1 bench/docs/run.sh
#   bench/docs/run.sh --tables RUNID         # the tables of an earlier run again
#
# The DeclarativeScrape builds (the app is bench/DeclarativeScrape.CrawlBenchmark, --job docs or shop):
#   ds-before  a Release build of BEFORE_REV (default ca7d06e, main before issue 15) with this tree's benchmark app
#   ds-jit     a Release build of this tree, run with `dotnet` (JIT, as before)
#   ds-aot     this tree published as Native AOT (the recommended way to ship a scraper, docs/performance.md)
# Environment: REPS [3], CONCURRENCIES ["16 64"] (docs), PARTS ["docs"] (add "shop": 10,000 products, 50 ms, pager
# window 20, at SHOP_C [64]), TOOLS ["ds-before ds-jit ds-aot aiohttp
# scrapy crawlee-fixed"], CORPORA [the two manuals], BEFORE_REV, BENCH, RESULTS, SKIP_BUILD.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench}
REPS=${REPS:-3}
CONCURRENCIES=${CONCURRENCIES:-"16 64"}
PARTS=${PARTS:-docs}
SHOP_C=${SHOP_C:-64}
TOOLS=${TOOLS:-"ds-before ds-jit ds-aot aiohttp scrapy crawlee-fixed"}
CORPORA=${CORPORA:-"/usr/share/doc/postgresql-doc-15/html /usr/share/doc/python-django-doc/html"}
BEFORE_REV=${BEFORE_REV:-ca7d06e}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/declarativescrape-bench
RESULTS=${RESULTS:-$cache/results}
tables() {
  /usr/bin/python3 - "$RESULTS/runs.jsonl" "$1" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
runs = [r for r in runs if str(r.get("tag", "")).startswith(sys.argv[2] + "-")]
groups = {}
for r in runs:
    groups.setdefault(r["tag"], {}).setdefault(r["tool"] if r["tool"] != "cmd" else r.get("tool_name", "cmd"), []).append(r)
med = lambda xs: statistics.median(xs) if xs else float("nan")
for tag in sorted(groups):
    print(f"\n### {tag}\n")
    print("| tool | runs ok | CPU s / 1k pages | peak RSS MB | pages/s | pages | items correct | GC pause ms | load avg start-end |")
    print("|---|---|---|---|---|---|---|---|---|")
    for tool, rs in groups[tag].items():
        ok = [r for r in rs if r.get("finished")]
        gc = [((r.get("tool_result") or {}).get("gc") or {}).get("pauseTotalMs") for r in ok]
        gc = [g for g in gc if g is not None]
        print(f"| {tool} | {len(ok)}/{len(rs)} | {med([r['cpu_s_per_1000_pages'] for r in ok]):.3g} | {med([r['peak_rss_mb'] for r in ok]):.0f} | "
              f"{med([r['pages_per_s'] for r in ok]):.0f} | {med([r['pages_fetched'] for r in ok]):.0f} | "
              f"{med([r['items_correct'] for r in ok]):.0f}/{med([r['items_expected'] for r in ok]):.0f} | "
              f"{(f'{med(gc):.0f}' if gc else '-')} | {min(r['loadavg_start'] for r in rs):.1f}-{max(r['loadavg_end'] for r in rs):.1f} |")
PY
}
if [ "${1:-}" = "--tables" ]; then
  tables "${2:?usage: run.sh --tables RUNID}"
  exit 0
fi

run=$(date +%Y%m%dT%H%M%S)
mkdir -p "$RESULTS"
echo "run $run: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, dotnet $(dotnet --version)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
proj=bench/DeclarativeScrape.CrawlBenchmark/DeclarativeScrape.CrawlBenchmark.csproj
common=(-c Release -p:UseSharedCompilation=false -nodeReuse:false --nologo -v quiet -clp:ErrorsOnly)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  before=$(mktemp -d)
  git -C "$repo" worktree add --quiet --detach "$before/src" "$BEFORE_REV"
  rm -rf "$before/src/bench/DeclarativeScrape.CrawlBenchmark"
  cp -r "$repo/bench/DeclarativeScrape.CrawlBenchmark" "$before/src/bench/"
  rm -rf "$before/src/bench/DeclarativeScrape.CrawlBenchmark/bin" "$before/src/bench/DeclarativeScrape.CrawlBenchmark/obj"
  dotnet build "$before/src/$proj" "${common[@]}" -o "$cache/docs-before"
  git -C "$repo" worktree remove --force "$before/src"
  rm -rf "$before"
  dotnet build "$repo/$proj" "${common[@]}" -o "$cache/docs-jit"
  dotnet publish "$repo/$proj" "${common[@]}" -r linux-x64 -p:BenchAot=true -o "$cache/docs-aot"
fi
declare -A cmds=(
  [ds-before]="dotnet $cache/docs-before/DeclarativeScrape.CrawlBenchmark.dll"
  [ds-jit]="dotnet $cache/docs-jit/DeclarativeScrape.CrawlBenchmark.dll"
  [ds-aot]="$cache/docs-aot/DeclarativeScrape.CrawlBenchmark"
)
lock=/work/coord/bench.lock
[ -e "$lock" ] || lock=$(mktemp)
one() { # TAG TOOL run.py-arguments...
  local tag=$1 tool=$2
  shift 2
  if [ -n "${cmds[$tool]:-}" ]; then
    flock "$lock" /usr/bin/python3 "$BENCH/run.py" --tool cmd --tool-name "$tool" --tag "$tag" --results "$RESULTS" \
      --tool-cmd "${cmds[$tool]} --job {job} --start {start} --concurrency {concurrency} --out {out}" "$@" > /dev/null || echo "run failed: $tool $tag" >&2
  else
    flock "$lock" /usr/bin/python3 "$BENCH/run.py" --tool "$tool" --tag "$tag" --results "$RESULTS" "$@" > /dev/null || echo "run failed: $tool $tag" >&2
  fi
}
for rep in $(seq 1 "$REPS"); do
  for c in $CONCURRENCIES; do
    if [[ " $PARTS " == *" docs "* ]]; then
      for corpus in $CORPORA; do
        name=$(basename "$(dirname "$corpus")")
        for tool in $TOOLS; do
          echo "== rep $rep/$REPS C=$c $name: $tool ($(cut -d' ' -f1-3 /proc/loadavg))"
          one "$run-docs-$name-c$c" "$tool" --scenario docs --docroot "$corpus" -c "$c"
        done
      done
    fi
    if [[ " $PARTS " == *" shop "* ]] && [ "$c" = "$SHOP_C" ]; then
      for tool in $TOOLS; do
        echo "== rep $rep/$REPS C=$c shop: $tool ($(cut -d' ' -f1-3 /proc/loadavg))"
        one "$run-shop-c$c" "$tool" --scenario shop -c "$c" --products 10000 --latency-ms 50 --pager-window 20
      done
    fi
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
tables "$run"
