#!/bin/sh
# The compact parse path against AngleSharp's full parse, on a 109 KB PostgreSQL page, a 100 KB Django page, the demo
# bookstore's enlarged book page and a product page of the benchmark shop (saved from the shared harness's site, which
# this script starts on a loopback port for one request). Always: `--parse-cpu`, the CPU time (process user + system)
# and bytes allocated per page of both paths, interleaved round by round, medians (robust on a loaded machine).
# With arguments, also BenchmarkDotNet's CompactParseBenchmarks (text to tree) and ParseAndExtractPathBenchmarks (bytes
# to item and links), the arguments passed to it (e.g. --job short); --inProcess because BenchmarkDotNet's own build
# times out on a loaded machine. Takes the shared bench lock and records the load average before and after.
# Needs the docs corpora (apt-get install postgresql-doc-15 python-django-doc) and the harness's site build
# (BENCH/setup.sh). Knobs: OUT (/tmp/parsing-bench-<time>), BENCH (/work/shared/bench), PORT (18471).
set -eu
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/parsing-bench-$(date -u +%Y%m%dT%H%M%S)}
BENCH=${BENCH:-/work/shared/bench}
site_dll=${XDG_CACHE_HOME:-$HOME/.cache}/declarativescrape-bench/site/Site.dll
port=${PORT:-18471}
mkdir -p "$out"
[ -f "$site_dll" ] || { echo "$site_dll is missing: run $BENCH/setup.sh" >&2; exit 1; }
dotnet build -c Release bench/DeclarativeScrape.Benchmarks -v q -nologo

# One product page of the benchmark shop (23-26 KB), as the crawl benchmark fetches it.
(cd "$(dirname "$site_dll")" && exec timeout 120 dotnet Site.dll --port "$port" --scenario shop --products 1000) >"$out/site.log" 2>&1 &
site=$!
trap 'kill $site 2>/dev/null || true' EXIT
tries=0
until curl -sf "http://127.0.0.1:$port/__stats" >/dev/null; do
  tries=$((tries + 1)); [ $tries -lt 120 ] || { echo "the shop site did not start (see $out/site.log)" >&2; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/product/7.html" >"$out/shop-product.html"
kill $site; wait $site 2>/dev/null || true
export DS_SHOP_PAGE="$out/shop-product.html"

flock /work/coord/bench.lock sh -c '
  out=$0
  echo "load before: $(cat /proc/loadavg)"
  dotnet bench/DeclarativeScrape.Benchmarks/bin/Release/net10.0/DeclarativeScrape.Benchmarks.dll --parse-cpu
  if [ $# -gt 0 ]; then
    dotnet bench/DeclarativeScrape.Benchmarks/bin/Release/net10.0/DeclarativeScrape.Benchmarks.dll \
      --filter "*CompactParseBenchmarks*" "*ParseAndExtractPathBenchmarks*" --inProcess --artifacts "$out" "$@"
  fi
  echo "load after: $(cat /proc/loadavg)"' "$out" "$@" | tee "$out/run.log"
