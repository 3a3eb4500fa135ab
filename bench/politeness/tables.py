#!/usr/bin/python3
"""Tables of a politeness run (bench/politeness/run.sh) from RESULTS/runs.jsonl: one row per run, in run order.
  tables.py --run RUNID [--results DIR]"""
import argparse
import json
import os
from pathlib import Path

CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "declarativescrape-bench"


def cell(v, fmt="{}"):
    return "-" if v is None else fmt.format(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", required=True)
    ap.add_argument("--results", type=Path, default=CACHE / "results")
    a = ap.parse_args()
    rows = [json.loads(l) for l in (a.results / "runs.jsonl").read_text().splitlines() if l.strip()]
    rate = [r for r in rows if (r.get("tag") or "").startswith(f"{a.run}-ratelimit-s")]
    faults = [r for r in rows if r.get("tag") == f"{a.run}-faults"]
    if rate:
        print("| tool | allowed rps | seed | accepted rps | share of allowed | limited share | items | wall s | load start/end |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in rate:
            print(f"| {r.get('tool')} | {r.get('rps')} | {r.get('tag').rsplit('-s', 1)[1]} | {cell(r.get('accepted_rps'))} | {cell(r.get('accepted_of_rps'), '{:.1%}')} "
                  f"| {cell(r.get('limited_share'), '{:.2%}')} | {cell(r.get('items'))} | {cell(r.get('time_wall_s') or r.get('wall_s'))} "
                  f"| {r.get('loadavg_start')}/{r.get('loadavg_end')} |")
    if faults:
        print()
        print("| tool | C | wall s | CPU s | peak RSS MB | items | correct | load start/end |")
        print("|---|---|---|---|---|---|---|---|")
        for r in faults:
            print(f"| {r.get('tool')} | {r.get('concurrency')} | {cell(r.get('time_wall_s') or r.get('wall_s'))} | {cell(r.get('cpu_s'))} "
                  f"| {cell(r.get('peak_rss_mb'))} | {cell(r.get('items'))} | {cell(r.get('items_correct'))} | {r.get('loadavg_start')}/{r.get('loadavg_end')} |")


if __name__ == "__main__":
    main()
