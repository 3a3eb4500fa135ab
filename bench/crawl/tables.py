#!/usr/bin/python3
"""Median tables of one bench/crawl/run.sh run, read from the harness's RESULTS/runs.jsonl (standard library only).
  tables.py --run RUNID [--results DIR]
Tags: RUNID-lat50-cC (latency runs), RUNID-scale-N (peak-RSS runs)."""
import argparse
import json
import os
import statistics
from pathlib import Path

CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "declarativescrape-bench"
ORDER = {"declarativescrape": 0, "scrapy": 1, "aiohttp": 2, "crawlee-fixed": 3, "crawlee": 4}


def med(rows, f):
    vals = [v for v in (f(r) for r in rows) if isinstance(v, (int, float))]
    return statistics.median(vals) if vals else None


def fmt(v, digits=3):
    if v is None:
        return "-"
    if isinstance(v, float) and abs(v) < 100:
        return f"{v:.{digits}g}"
    return f"{v:.0f}"


def lag(r):
    return ((r.get("tool_result") or {}).get("threadPoolLag") or {}).get("p99Ms")


def fraction(r):
    b, p = r.get("littles_bound_pages_per_s"), r.get("pages_per_s")
    return p / b if b and p else None


def table(title, rows, cols):
    print(f"\n### {title}\n")
    print("| " + " | ".join(c[0] for c in cols) + " |")
    print("|" + "---|" * len(cols))
    groups = {}
    for r in rows:
        groups.setdefault(r["tool"], []).append(r)
    for tool in sorted(groups, key=lambda t: (ORDER.get(t, 9), t)):
        rs = groups[tool]
        print("| " + " | ".join(c[1](tool, rs) for c in cols) + " |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", required=True)
    ap.add_argument("--results", type=Path, default=CACHE / "results")
    a = ap.parse_args()
    rows = [json.loads(l) for l in (a.results / "runs.jsonl").read_text().splitlines() if l.strip()]
    rows = [r for r in rows if str(r.get("tag", "")).startswith(a.run + "-")]
    tags = sorted({r["tag"] for r in rows}, key=lambda t: (("scale" in t), int(t.rsplit("-", 1)[1].lstrip("c"))))
    for tag in tags:
        rs = [r for r in rows if r["tag"] == tag]
        any_r = rs[0]
        m = lambda f, d=3: (lambda tool, g: fmt(med(g, f), d))
        common = [
            ("tool", lambda tool, g: tool),
            ("runs", lambda tool, g: f"{sum(1 for r in g if r.get('finished'))}/{len(g)} finished"),
        ]
        if "lat50" in tag:
            cols = common + [
                ("pages/s", m(lambda r: r.get("pages_per_s"))),
                (f"of C/latency ({fmt(any_r.get('littles_bound_pages_per_s'))})", lambda tool, g: (lambda v: "-" if v is None else f"{v:.0%}")(med(g, fraction))),
                ("wall s", m(lambda r: r.get("time_wall_s"))),
                ("CPU s / 1k pages", m(lambda r: r.get("cpu_s_per_1000_pages"))),
                ("peak RSS MB", m(lambda r: r.get("peak_rss_mb"))),
                ("lag p99 ms", m(lag)),
                ("peak in flight", m(lambda r: r.get("peak_inflight"))),
                ("items correct", lambda tool, g: f"{fmt(med(g, lambda r: r.get('items_correct')))}/{any_r.get('items_expected')}"),
                ("site CPU s", m(lambda r: r.get("server_cpu_s"))),
            ]
            table(f"{tag}: C={any_r['concurrency']}, {any_r['products']} products, {any_r['latency_ms']} ms latency, pager window {any_r['pager_window']}", rs, cols)
        else:
            cols = common + [
                ("pages", m(lambda r: r.get("pages_fetched"))),
                ("pages/s", m(lambda r: r.get("pages_per_s"))),
                ("CPU s / 1k pages", m(lambda r: r.get("cpu_s_per_1000_pages"))),
                ("peak RSS MB", m(lambda r: r.get("peak_rss_mb"))),
                ("peak RSS MB (max)", lambda tool, g: fmt(max((r.get("peak_rss_mb") or 0) for r in g))),
                ("lag p99 ms", m(lag)),
                ("items correct", lambda tool, g: f"{fmt(med(g, lambda r: r.get('items_correct')))}/{any_r.get('items_expected')}"),
                ("site CPU s", m(lambda r: r.get("server_cpu_s"))),
            ]
            table(f"{tag}: C={any_r['concurrency']}, {any_r['products']} products, no added latency", rs, cols)


if __name__ == "__main__":
    main()
