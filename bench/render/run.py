#!/usr/bin/env python3
"""Rendering benchmark: DeclarativeScrape.Browser against Crawlee's PlaywrightCrawler on the demo script shop.

Serves the shop (bench/RenderBench `site`, its own process), then crawls its N product pages with each tool and
browser concurrency, one run at a time, measuring wall time, CPU seconds of the crawler's process tree (the browser
and Playwright's driver included), the peak resident memory of that tree (sampled every 0.25 s) and its RSS over the
run's quarters (is it flat?), the load average before and after, and the items against the ground truth.

    ./run.py                                    # 2,000 pages, concurrency 2 4 8, both tools, and the mixed mode
    ./run.py --products 500 --concurrency 4 --tools ds
Hold /work/coord/bench.lock (or your machine's equivalent) around it on a shared machine.
"""
import argparse, json, os, shutil, subprocess, sys, threading, time, urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CACHE = Path(os.environ.get('XDG_CACHE_HOME', Path.home() / '.cache')) / 'declarativescrape-bench'
BENCH_DLL = CACHE / 'renderbench' / 'RenderBench.dll'
CRAWLEE_DIR = CACHE / 'render-crawlee'
CLK = os.sysconf('SC_CLK_TCK')
PAGE = os.sysconf('SC_PAGE_SIZE')


def tree(pid):
    """The pid and every descendant (from /proc)."""
    children = {}
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open(f'/proc/{entry}/stat') as f:
                    ppid = int(f.read().rsplit(')', 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def rss_and_cpu(pids):
    rss, cpu = 0, 0.0
    for p in pids:
        try:
            with open(f'/proc/{p}/statm') as f:
                rss += int(f.read().split()[1]) * PAGE
            with open(f'/proc/{p}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / CLK
        except (OSError, IndexError, ValueError):
            pass
    return rss, cpu


def process_cpu(pid):
    """The CPU seconds of one process itself (user + system, its children excluded)."""
    try:
        with open(f'/proc/{pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK
    except (OSError, IndexError, ValueError):
        return 0.0


def comm(pid):
    try:
        with open(f'/proc/{pid}/stat') as f:
            text = f.read()
        return text[text.index('(') + 1:text.rindex(')')], int(text.rsplit(')', 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None, None


def kill_browsers(pids):
    """SIGKILLs each browser's main process (a chromium whose parent is not one): the crawler must restart it."""
    killed = 0
    for p in pids:
        name, parent = comm(p)
        if name == 'chromium' and comm(parent)[0] != 'chromium':
            try:
                os.kill(p, 9)
                killed += 1
            except OSError:
                pass
    return killed


def measure(cmd, env=None, kill_every=0):
    """Runs cmd, sampling its process tree's RSS and each process's CPU every 0.25 s; CPU is the larger of the root's rusage
    (with every descendant it, and they, reaped) and the sum over every process seen in the tree.
    With kill_every > 0, the browser is SIGKILLed every kill_every seconds (a crash the crawler must survive)."""
    load_before = open('/proc/loadavg').read().split()[:3]
    start = time.monotonic()
    out_path = f'/tmp/render-bench-{os.getpid()}.log'
    with open(out_path, 'w') as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        samples, done, kills, own_cpu = [], threading.Event(), [0], {}

        def sample():
            next_kill = start + kill_every
            while not done.is_set():
                pids = tree(proc.pid)
                rss, _ = rss_and_cpu(pids)
                for p in pids:
                    own_cpu[p] = max(own_cpu.get(p, 0.0), process_cpu(p))
                samples.append((time.monotonic() - start, rss))
                if kill_every > 0 and time.monotonic() >= next_kill:
                    kills[0] += kill_browsers(pids)
                    next_kill = time.monotonic() + kill_every
                done.wait(0.25)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    output = open(out_path).read()
    wall = time.monotonic() - start
    load_after = open('/proc/loadavg').read().split()[:3]
    peak = max((r for _, r in samples), default=0)
    quarters = []
    for q in range(4):
        part = [r for t, r in samples if q * wall / 4 <= t < (q + 1) * wall / 4]
        quarters.append(round(max(part, default=0) / 2**20))
    result = next((json.loads(l[7:]) for l in output.splitlines() if l.startswith('RESULT ')), None)
    return {
        'rc': proc.returncode, 'wall_s': round(wall, 2), 'cpu_s': round(usage.ru_utime + usage.ru_stime, 1),
        # Every process seen in the tree, each at its last sample: the root's rusage misses descendants that outlived
        # their parent (re-parented, reaped by init), which Chromium's processes may do when the driver stops first.
        'tree_cpu_s': round(sum(own_cpu.values()), 1),
        'peak_tree_rss_mb': round(peak / 2**20), 'rss_mb_by_quarter': quarters,
        'loadavg_before': load_before, 'loadavg_after': load_after, 'tool_result': result, 'browser_kills': kills[0],
        'tail': output.splitlines()[-5:] if proc.returncode else [],
    }


def check(out_file, expected):
    correct, seen = 0, set()
    for line in Path(out_file).read_text().splitlines():
        item = json.loads(line)
        path = urllib.request.urlparse(item['url']).path
        want = expected.get(path)
        if want and path not in seen and item.get('title') == want['title'] and abs(float(item.get('price') or 0) - want['price']) < 0.005 and item.get('sku') == want['sku']:
            correct += 1
        seen.add(path)
    return correct


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--products', type=int, default=2000)
    ap.add_argument('--concurrency', type=int, nargs='+', default=[2, 4, 8])
    ap.add_argument('--tools', nargs='+', default=['ds', 'crawlee'])
    ap.add_argument('--no-mixed', action='store_true', help='skip the mixed-mode runs (static, mixed, always at C=4)')
    ap.add_argument('--no-build', action='store_true', help='reuse the RenderBench build of an earlier run')
    ap.add_argument('--mixed-only', action='store_true', help='only the mixed-mode runs')
    ap.add_argument('--kill-browser-every', type=float, default=0, metavar='SECONDS',
                    help='SIGKILL the browser every SECONDS during each run: counts the URLs a crash loses (items correct)')
    ap.add_argument('--results', default=str(CACHE / 'render-results.jsonl'))
    a = ap.parse_args()

    if not (a.no_build and BENCH_DLL.exists()):
        print('== building RenderBench (Release)', flush=True)
        subprocess.run(['dotnet', 'build', str(REPO / 'bench/RenderBench'), '-c', 'Release', '-o', str(BENCH_DLL.parent),
                        '-nodeReuse:false', '-v', 'quiet', '-clp:ErrorsOnly'], check=True)
    if 'crawlee' in a.tools and not (CRAWLEE_DIR / 'node_modules' / 'crawlee').exists():
        print('== npm install (crawlee, playwright; no browser download)', flush=True)
        CRAWLEE_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / 'crawlee' / 'package.json', CRAWLEE_DIR)
        subprocess.run(['npm', 'install', '--no-audit', '--no-fund', '--loglevel=error'], cwd=CRAWLEE_DIR, check=True,
                       env={**os.environ, 'PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD': '1'})
    shutil.copy(HERE / 'crawlee' / 'crawlee_render.mjs', CRAWLEE_DIR)

    site = subprocess.Popen(['dotnet', str(BENCH_DLL), 'site', '--products', str(a.products), '--script-every', '10'],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    base = site.stdout.readline().split()[1]
    expected = {}
    for line in urllib.request.urlopen(base + '__expected.jsonl').read().decode().splitlines():
        e = json.loads(line)
        expected[urllib.request.urlparse(e['url']).path] = e
    runs = [] if a.mixed_only else [(tool, 'always', c) for c in a.concurrency for tool in a.tools]
    if not a.no_mixed:
        runs += [('ds', 'static', 4), ('ds', 'mixed', 4)]
    results = []
    try:
        for tool, mode, c in runs:
            out = f'/tmp/render-{tool}-{mode}-{c}.jsonl'
            if tool == 'ds':
                cmd = ['dotnet', str(BENCH_DLL), 'crawl', '--base', base, '--products', str(a.products), '--mode', mode,
                       '--concurrency', str(c), '--out', out]
            else:
                cmd = ['node', str(CRAWLEE_DIR / 'crawlee_render.mjs'), base, str(a.products), str(c), out]
            print(f'== {tool} {mode} c={c}', flush=True)
            if os.path.exists(out):
                os.remove(out)
            r = measure(cmd, env={**os.environ, 'CRAWLEE_STORAGE_DIR': '/tmp/render-crawlee-storage'}, kill_every=a.kill_browser_every)
            r.update(tool=tool, mode=mode, concurrency=c, products=a.products, items_correct=check(out, expected) if os.path.exists(out) else 0)
            r['pages_per_s'] = round(a.products / r['wall_s'], 1)
            r['cpu_ms_per_page'] = round(1000 * max(r['cpu_s'], r['tree_cpu_s']) / a.products, 1)
            results.append(r)
            with open(a.results, 'a') as f:
                f.write(json.dumps(r) + '\n')
            print(json.dumps(r), flush=True)
    finally:
        site.stdin.close()
        site.wait(timeout=30)

    print('\n| tool | mode | C | pages/s | CPU ms/page | peak tree RSS MB | RSS MB by quarter | items correct | browser kills | load before → after |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for r in results:
        print(f"| {r['tool']} | {r['mode']} | {r['concurrency']} | {r['pages_per_s']} | {r['cpu_ms_per_page']} | {r['peak_tree_rss_mb']} | "
              f"{' / '.join(map(str, r['rss_mb_by_quarter']))} | {r['items_correct']}/{r['products']} | {r['browser_kills']} | {r['loadavg_before'][0]} → {r['loadavg_after'][0]} |")


if __name__ == '__main__':
    sys.exit(main())
