#!/usr/bin/env bash
# Whole crawls with and without the compact parse path: the crawl benchmark app (bench/DeclarativeScrape.CrawlBenchmark,
# JIT) built from BEFORE_REV (the full parse) and from this tree, on the shared harness's docs scenario (both manuals,
# C=16) and the benchmark shop (10,000 products, 50 ms, pager window 20, C=64), the two builds interleaved, REPS
# repetitions, each run under /work/coord/bench.lock, then the median tables of bench/docs/run.sh (CPU s per 1,000
# pages, peak RSS, load average start-end).
#
#   BEFORE_REV=<commit before the compact path> bench/parsing/crawl.sh
#
# Knobs: BEFORE_REV (required), REPS [2], PARTS ["docs shop"], BENCH [/work/shared/bench], RESULTS [the harness's],
# BUILDS (a folder with the two builds already made, full/ and compact/: nothing is built).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench}
REPS=${REPS:-2}
PARTS=${PARTS:-"docs shop"}
BEFORE_REV=${BEFORE_REV:?set BEFORE_REV to a commit without the compact path}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/declarativescrape-bench
RESULTS=${RESULTS:-$cache/results}
proj=bench/DeclarativeScrape.CrawlBenchmark/DeclarativeScrape.CrawlBenchmark.csproj
common=(-c Release -p:UseSharedCompilation=false -nodeReuse:false --nologo -v quiet -clp:ErrorsOnly)
if [ -n "${BUILDS:-}" ]; then
  builds=$BUILDS   # already built: $BUILDS/full and $BUILDS/compact
else
  builds=$(mktemp -d)
  trap 'rm -rf "$builds"' EXIT
  before=$(mktemp -d)
  git -C "$repo" worktree add --quiet --detach "$before/src" "$BEFORE_REV"
  dotnet build "$before/src/$proj" "${common[@]}" -o "$builds/full"
  git -C "$repo" worktree remove --force "$before/src"
  rm -rf "$before"
  dotnet build "$repo/$proj" "${common[@]}" -o "$builds/compact"
fi
run=$(date +%Y%m%dT%H%M%S)
mkdir -p "$RESULTS"
lock=/work/coord/bench.lock
[ -e "$lock" ] || lock=$(mktemp)
echo "run $run: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
one() { # TAG BUILD run.py-arguments...
  local tag=$1 build=$2
  shift 2
  echo "== $tag $build ($(cut -d' ' -f1-3 /proc/loadavg))"
  flock "$lock" /usr/bin/python3 "$BENCH/run.py" --tool cmd --tool-name "ds-$build" --tag "$tag" --results "$RESULTS" \
    --tool-cmd "dotnet $builds/$build/DeclarativeScrape.CrawlBenchmark.dll --job {job} --start {start} --concurrency {concurrency} --out {out}" "$@" \
    > /dev/null || echo "run failed: $build $tag" >&2
}
for rep in $(seq 1 "$REPS"); do
  if [[ " $PARTS " == *" docs "* ]]; then
    for corpus in /usr/share/doc/postgresql-doc-15/html /usr/share/doc/python-django-doc/html; do
      name=$(basename "$(dirname "$corpus")")
      for build in full compact; do
        one "$run-docs-$name-c16" "$build" --scenario docs --docroot "$corpus" -c 16
      done
    done
  fi
  if [[ " $PARTS " == *" shop "* ]]; then
    for build in full compact; do
      one "$run-shop-c64" "$build" --scenario shop -c 64 --products 10000 --latency-ms 50 --pager-window 20
    done
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$repo/bench/docs/run.sh" --tables "$run"
