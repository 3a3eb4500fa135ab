#!/bin/bash
# One measured "tool" run of bench/workers/run.sh: N worker processes of the benchmark app on one crawl in PostgreSQL.
#   workers.sh N PER_WORKER TOTAL PER_HOST URI APP START OUT DBCPU_FILE [MORE...]
# Each worker keeps PER_WORKER requests in flight at most, the host PER_HOST for all of them together (- for TOTAL, the
# harness's concurrency); the last worker out writes OUT (every item of the crawl). The cluster's CPU seconds during the
# run go to DBCPU_FILE. MORE: further options for every worker (--rate R --burst B: the host's rate, for all of them).
set -euo pipefail
n=$1 per_worker=$2 total=$3 per_host=$4 uri=$5 app=$6 start=$7 out=$8 dbcpu=$9
more=("${@:10}")
[ "$per_host" = - ] && per_host=$total
port=$(echo "$uri" | sed -E 's|.*:([0-9]+)/.*|\1|')
cluster_cpu() {
  # CPU clock ticks of the cluster: the postmaster listening on the port (its own, and that of the backends it has reaped:
  # a worker's connection ends when the worker does) and its live children.
  local master; master=$(pgrep -f "postgres.*-p $port" | head -1)
  local ticks; ticks=$(awk '{print $14 + $15 + $16 + $17}' /proc/$master/stat)
  for pid in $(pgrep -P "$master"); do
    [ -r /proc/$pid/stat ] && ticks=$((ticks + $(awk '{print $14 + $15}' /proc/$pid/stat 2> /dev/null || echo 0)))
  done
  echo "$ticks"
}
before=$(cluster_cpu)
pids=()
for i in $(seq 1 "$n"); do
  dotnet "$app/DeclarativeScrape.CrawlBenchmark.dll" --start "$start" --concurrency "$per_worker" --per-host "$per_host" \
    --state "$uri" --out "$out" --quiet "${more[@]}" &
  pids+=($!)
done
rc=0
for pid in "${pids[@]}"; do wait "$pid" || rc=$?; done
after=$(cluster_cpu)
python3 -c "print(($after - $before) / $(getconf CLK_TCK))" > "$dbcpu"
exit $rc
