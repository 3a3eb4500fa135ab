#!/bin/bash
# Workers on PostgreSQL against one process in memory (docs/performance.md, "Workers on PostgreSQL"):
#   the benchmark app (bench/DeclarativeScrape.CrawlBenchmark) on the shared harness's shop, wide layout (pager window 20),
#   200 ms per response, so the crawl waits on latency and not on this machine's cores: for N in WORKERS, N worker
#   processes of PER_WORKER requests in flight each on one crawl in PostgreSQL (a throwaway cluster of this script's own),
#   against one process in memory at the same total concurrency; then the per-host limit held across the workers when it
#   is lower than their total (LIMITED: every worker --per-host LIMIT, the site's peak in flight must be LIMIT).
#   Database CPU: the cluster's processes' CPU seconds during each worker run (from /proc), per 1,000 pages.
#   The host's rate held across the workers: for N in WORKERS, N workers of --rate RATE --burst RATE_BURST on the
#   harness's ratelimit scenario, whose site counts the arrivals and refuses (429) what its own token bucket of
#   RATE_HEADROOM x RATE per second, RATE_BURST deep, would not let through: arrivals per second over the crawl's span
#   against RATE, and the refusals (0 when the workers together keep the rate).
# Knobs: WORKERS ("1 2 4"), PER_WORKER (16), PRODUCTS (4000), LATENCY (200), REPS (1), LIMIT (24), RATE (40),
#   RATE_BURST (10), RATE_PRODUCTS (600), RATE_HEADROOM (1.1), BENCH (/work/shared/bench).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/declarativescrape-bench
WORKERS=${WORKERS:-"1 2 4"}
PER_WORKER=${PER_WORKER:-16}
PRODUCTS=${PRODUCTS:-4000}
LATENCY=${LATENCY:-200}
REPS=${REPS:-1}
LIMIT=${LIMIT:-24}
RATE=${RATE:-40}
RATE_BURST=${RATE_BURST:-10}
RATE_PRODUCTS=${RATE_PRODUCTS:-600}
RATE_HEADROOM=${RATE_HEADROOM:-1.1}
RESULTS=${RESULTS:-$cache/results}
run=$(date -u +%Y%m%dT%H%M%S)
echo "== run $run on $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

app="$cache/workers-benchmark"
dotnet build "$repo/bench/DeclarativeScrape.CrawlBenchmark/DeclarativeScrape.CrawlBenchmark.csproj" -c Release -o "$app" \
  -p:UseSharedCompilation=false -nodeReuse:false --nologo -v quiet -clp:ErrorsOnly

# A cluster of our own: initdb into a temporary directory, a free port; as root, as the unprivileged postgres user.
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdir=$(mktemp -d /tmp/declarativescrape-bench-pg.XXXX)
as=""
if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; as="runuser -u postgres --"; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$as "$bin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --no-instructions > /dev/null
$as "$bin/pg_ctl" -D "$pgdir/data" -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=100" -l "$pgdir/server.log" -w start > /dev/null
trap '$as "$bin/pg_ctl" -D "$pgdir/data" -m fast -w stop > /dev/null; rm -rf "$pgdir"' EXIT
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres

memory="dotnet $app/DeclarativeScrape.CrawlBenchmark.dll --start {start} --concurrency {concurrency} --out {out}"
for i in $(seq 1 "$REPS"); do
  for n in $WORKERS; do
    c=$((n * PER_WORKER))
    "$BENCH/run.py" --scenario shop -c "$c" --products "$PRODUCTS" --latency-ms "$LATENCY" --pager-window 20 \
      --tag "$run-workers-n$n" --results "$RESULTS" --tool cmd --tool-name memory --tool-cmd "$memory" > /dev/null
    db="n${n}r$i"
    workers="bash $repo/bench/workers/workers.sh $n $PER_WORKER {concurrency} - postgresql://postgres@127.0.0.1:$port/$db $app {start} {out} $RESULTS/$run-dbcpu-n$n-r$i"
    psql -q -d postgres -c "CREATE DATABASE $db"
    "$BENCH/run.py" --scenario shop -c "$c" --products "$PRODUCTS" --latency-ms "$LATENCY" --pager-window 20 \
      --tag "$run-workers-n$n" --results "$RESULTS" --tool cmd --tool-name workers --tool-cmd "$workers" > /dev/null
  done
done

# The per-host limit, lower than the workers' total.
n=$(echo $WORKERS | awk '{print $NF}')
db=limited
psql -q -d postgres -c "CREATE DATABASE $db"
"$BENCH/run.py" --scenario shop -c "$((n * PER_WORKER))" --products "$PRODUCTS" --latency-ms "$LATENCY" --pager-window 20 \
  --tag "$run-workers-limited" --results "$RESULTS" --tool cmd --tool-name workers-limited \
  --tool-cmd "bash $repo/bench/workers/workers.sh $n $PER_WORKER {concurrency} $LIMIT postgresql://postgres@127.0.0.1:$port/$db $app {start} {out} $RESULTS/$run-dbcpu-limited" > /dev/null

# The host's rate, held across the workers: the site's bucket is the workers' rate with a little headroom for the jitter
# of arrival times on a loaded machine.
site_rps=$(python3 -c "print($RATE * $RATE_HEADROOM)")
for n in $WORKERS; do
  db="rate$n"
  psql -q -d postgres -c "CREATE DATABASE $db"
  "$BENCH/run.py" --scenario ratelimit --rps "$site_rps" --burst "$RATE_BURST" -c "$((n * PER_WORKER))" --products "$RATE_PRODUCTS" \
    --latency-ms "$LATENCY" --pager-window 20 --tag "$run-rate-n$n" --results "$RESULTS" --tool cmd --tool-name workers-rate \
    --tool-cmd "bash $repo/bench/workers/workers.sh $n $PER_WORKER {concurrency} - postgresql://postgres@127.0.0.1:$port/$db $app {start} {out} $RESULTS/$run-dbcpu-rate-n$n --rate $RATE --burst $RATE_BURST" > /dev/null
done

echo "== results (load now $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$RESULTS" "$run" "$PER_WORKER" "$LIMIT" "$RATE" "$RATE_BURST" "$site_rps" <<'PY'
import json, statistics, sys, glob
results, run, per_worker, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rate, rate_burst, site_rps = float(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
runs = [json.loads(l) for l in open(f"{results}/runs.jsonl") if f'"{run}-workers-' in l]
def dbcpu(tag):
    files = sorted(glob.glob(f"{results}/{run}-dbcpu-{tag}*"))
    return [float(open(f).read().split()[0]) for f in files]
print("| workers | total C | run | pages/s | tool CPU s / 1k pages | DB CPU s / 1k pages | items correct | duplicates | peak in flight | load start→end |")
print("|---|---|---|---|---|---|---|---|---|---|")
for tag in sorted({r["tag"] for r in runs if "-workers-n" in r["tag"]}, key=lambda t: int(t.rsplit("n", 1)[1])):
    n = int(tag.rsplit("n", 1)[1])
    for tool in ("memory", "workers"):
        rs = [r for r in runs if r["tag"] == tag and r["tool"] == tool]
        if not rs:
            continue
        med = lambda k: statistics.median(r[k] for r in rs)
        db = ""
        if tool == "workers":
            cpu = dbcpu(f"n{n}-")
            db = "%.3f" % statistics.median(c / r["pages_fetched"] * 1000 for c, r in zip(cpu, rs)) if cpu else "?"
        print(f'| {n if tool == "workers" else 1} | {n * per_worker} | {tool} | {med("pages_per_s"):.0f} | {med("cpu_s_per_1000_pages"):.3f} | {db} '
              f'| {min(r["items_correct"] for r in rs)}/{rs[0]["items_expected"]} | {max(r["duplicate_items"] for r in rs)} | {max(r.get("peak_inflight") or 0 for r in rs)} '
              f'| {rs[0]["loadavg_start"]}→{rs[0]["loadavg_end"]} |')
for r in [r for r in runs if r["tag"].endswith("-limited")]:
    print(f'\nper-host limit {limit} across the workers (total {r["concurrency"] if "concurrency" in r else "?"}): site peak in flight {r.get("peak_inflight")}, '
          f'items {r["items_correct"]}/{r["items_expected"]}, duplicates {r["duplicate_items"]}, {r["pages_per_s"]:.0f} pages/s')
rate_runs = sorted([json.loads(l) for l in open(f"{results}/runs.jsonl") if f'"{run}-rate-n' in l], key=lambda r: int(r["tag"].rsplit("n", 1)[1]))
if rate_runs:
    print(f"\nthe host's rate across the workers: every worker --rate {rate:g} --burst {rate_burst}; the site refuses (429) past its bucket of {site_rps:g}/s, {rate_burst} deep")
    print("| workers | requests | span s | arrivals/s (site) | of --rate | refused (429) | items correct | duplicates | load start→end |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rate_runs:
        n = int(r["tag"].rsplit("n", 1)[1])
        span = r.get("request_span_s") or 0
        arrivals = r["pages_fetched"] / span if span else 0
        print(f'| {n} | {r["pages_fetched"]} | {span:.1f} | {arrivals:.1f} | {arrivals / rate:.2f} | {r.get("rate_limited")} '
              f'| {r["items_correct"]}/{r["items_expected"]} | {r["duplicate_items"]} | {r["loadavg_start"]}→{r["loadavg_end"]} |')
PY
