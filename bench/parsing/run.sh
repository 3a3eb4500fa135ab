#!/bin/sh
# The compact parser against AngleSharp: text to tree (CompactParseBenchmarks) and a parse worker's whole page, bytes
# to item and links, on both paths (ParseAndExtractPathBenchmarks), on a 109 KB PostgreSQL page, a 100 KB Django page
# and the demo bookstore's enlarged book page. Needs the docs corpora (apt-get install postgresql-doc-15
# python-django-doc). Takes the shared bench lock, records the load average before and after; --inProcess because
# BenchmarkDotNet's own build times out on a loaded machine. Extra arguments go to BenchmarkDotNet (e.g. --job short).
set -eu
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/parsing-bench-$(date -u +%Y%m%dT%H%M%S)}
mkdir -p "$out"
dotnet build -c Release bench/DeclarativeScrape.Benchmarks -v q -nologo
flock /work/coord/bench.lock sh -c '
  echo "load before: $(cat /proc/loadavg)"
  dotnet bench/DeclarativeScrape.Benchmarks/bin/Release/net10.0/DeclarativeScrape.Benchmarks.dll \
    --filter "*CompactParseBenchmarks*" "*ParseAndExtractPathBenchmarks*" --inProcess --artifacts "$0" "$@"
  echo "load after: $(cat /proc/loadavg)"' "$out" "$@" | tee "$out/run.log"
