#!/usr/bin/env python3
"""Per-stage CPU breakdown of a `perf record -g` profile of the benchmark app (bench/docs/profile.sh).

Reads `perf script` output on stdin and puts every sample in the first stage whose rule matches its call stack
(rules in order; a rule matches when any frame's symbol or library contains one of its markers). Prints the share of
samples per stage and, given --cpu-s and --kb, the CPU milliseconds per 100 KB of HTML.
"""
import argparse
import collections
import re
import sys

# Each rule: (stage, markers that must all be somewhere in the stack (any frame), markers of which one must be).
# The first rule that matches wins, so the order matters: within a parse worker's page the inner stages come first.
# Frames are matched as `Class::Method`: a JIT frame from the runtime's perf map is written so, a Native AOT frame
# (`AngleSharp_AngleSharp_Html_Parser_HtmlTokenizer__Get`) is rewritten so first (see normalize()).
PAGE = "ParseWorker::Extract"
EXTRACT = "GENERATED::Extract"  # a generated extractor on a user type (see normalize())
PARSE = "HtmlParser::Parse"
RULES = [
    ("jit (compiling methods)", [], ["libclrjit.so"]),
    # Native AOT names the GC's own frames (a JIT process's libcoreclr.so has no symbols: its GC stays in the stage
    # that allocated, and the runtime's pause count is printed below the table).
    ("gc (collections and the allocator's slow path)", [], ["WKS::gc_heap", "WKS::GCHeap", "SVR::gc_heap", "SVR::GCHeap"]),
    ("extraction walk (selector matching)", [PAGE, EXTRACT], ["ExtractionQuery::"]),
    ("extraction text and conversions", [PAGE, EXTRACT], ["ExtractionText::", "ExtractionValues::"]),
    ("links: resolve (Uri against the base URL)", [PAGE, EXTRACT], ["ExtractionContext::AddLink", "ExtractionContext::TryResolveUrl"]),
    ("extraction (generated code, other)", [PAGE], [EXTRACT]),
    ("tokenize (AngleSharp tokenizer)", [PAGE, PARSE], ["HtmlTokenizer::", "BaseTokenizer::", "TextSource::"]),
    ("tree build (AngleSharp tree construction, nodes)", [PAGE], [PARSE]),
    ("decode (bytes to text)", [PAGE], ["HtmlEncodingSniffer", "Encoding", "Utf8Utility", "Latin1Utility"]),
    ("links: canonicalize and scope", [], ["FrontierPolicy::", "UrlCanonicalizer::", "HostScope::"]),
    ("links: dedupe and queue (store)", [], ["InMemoryFrontierStore", "SqliteFrontierStore", "InMemoryCrawlStore", "SqliteCrawlStore", "AdmissionPolicy"]),
    ("parse worker, other (dispose, base URL)", [], [PAGE]),
    ("outcomes (record, metrics, events)", [], ["OutcomeRecorder::", "::RecordAsync", "::AdmittedAsync", "::EmitAsync", "ScrapeTelemetry"]),
    ("output (items written)", [], ["DocsRun", "ItemWriter", "Utf8JsonWriter", "ItemEncoder"]),
    ("receive (HTTP, sockets, body)", [], ["PageFetcher", "ResponseBodyReader", "System.Net.", "SocketAsyncEngine", "HttpConnection", "Fetch"]),
    ("dispatch, hosts, channels", [], ["DispatchLoop", "HostGate", "Crawl`1", "System.Threading.Channels", "RateLimiting", "Polly"]),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpu-s", type=float, help="the process's CPU seconds (user + sys)")
    parser.add_argument("--kb", type=float, help="KB of HTML the crawl parsed")
    parser.add_argument("--gc-pause-ms", type=float, help="the runtime's total GC pause, shown beside the table")
    args = parser.parse_args()

    counts = collections.Counter()
    total = 0
    stack = []

    def flush():
        nonlocal total
        if not stack:
            return
        total += 1
        counts[classify(stack)] += 1
        stack.clear()

    for line in sys.stdin:
        if not line.strip():
            flush()
            continue
        if line[0] in " \t":
            stack.append(line.strip())
        else:
            flush()
    flush()

    print(f"samples: {total}")
    print("| stage | share | ms per 100 KB |" if args.cpu_s and args.kb else "| stage | share |")
    print("|---|---|---|" if args.cpu_s and args.kb else "|---|---|")
    for stage, n in counts.most_common():
        share = n / total
        if args.cpu_s and args.kb:
            print(f"| {stage} | {share:.1%} | {share * args.cpu_s * 1000 / (args.kb / 100):.2f} |")
        else:
            print(f"| {stage} | {share:.1%} |")
    if args.gc_pause_ms is not None:
        print(f"GC pauses (runtime's own count): {args.gc_pause_ms:.0f} ms")


MANAGED = re.compile(r"\[(OptimizedTier1|QuickJitted|Optimized|OptimizedTier1OSR|Tier0|Tier1|PreJIT|Instrumented.*)\]|\.dll|\[JIT\]")


AOT_METHOD = re.compile(r"([A-Za-z0-9]+)__([A-Za-z0-9_]+)")


GENERATED_JIT = "::Extract(class [AngleSharp]AngleSharp.Dom.IParentNode"
GENERATED_AOT = re.compile(r"\w+__Extract\+")
CRAWL_EXTRACT = re.compile(r"Crawl(`1|_1)\S*(::|__)Extract\b")


def normalize(frame):
    # A generated extractor: Extract(IParentNode, ExtractionContext) on a user's type (Native AOT: a method named
    # Extract outside the runtime's own DeclarativeScrape_DeclarativeScrape_ types).
    generated = GENERATED_JIT in frame or (GENERATED_AOT.search(frame) and "DeclarativeScrape_DeclarativeScrape_" not in frame)
    # The page's parse and extraction: ParseWorker.Extract, or the crawl's Extract that calls it (inlined under AOT).
    page = CRAWL_EXTRACT.search(frame) is not None
    if "::" not in frame:
        frame = AOT_METHOD.sub(lambda m: m.group(1) + "::" + m.group(2), frame)
    return frame + (" GENERATED::Extract" if generated else "") + (" " + PAGE if page else "")


def classify(frames):
    joined = "\n".join(normalize(f) for f in frames)
    for stage, required, markers in RULES:
        if all(m in joined for m in required) and any(m in joined for m in markers):
            return stage
    if "libcoreclr.so" in joined and not MANAGED.search(joined):
        return "runtime without managed frames (GC threads, tiering, finalizer, start-up)"
    if frames and "libcoreclr.so" in frames[0]:
        return "runtime called from managed code (allocation and GC, casts, stubs)"
    if "kernel" in frames[0]:
        return "kernel (other)"
    return "other managed"


if __name__ == "__main__":
    main()
