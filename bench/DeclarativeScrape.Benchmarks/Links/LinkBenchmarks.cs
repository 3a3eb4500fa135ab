using BenchmarkDotNet.Attributes;

namespace DeclarativeScrape.Benchmarks.Links;

/// <summary>
/// What the links of one documentation page cost beyond its parse: 200 <c>[Follow]</c> links as a docs page carries
/// them (relative, most with a <c>#fragment</c>, a few absolute or to other hosts), each resolved against the page
/// (<see cref="ExtractionContext.AddLink{TPage}"/>, what generated code calls), checked by the crawl's
/// <see cref="FrontierPolicy"/> (canonical URL, scope, depth), deduplicated by the in-memory store's admission and,
/// when skipped, counted as an outcome, in the order a parse worker does it (<see cref="Crawl{TItem}"/>'s
/// <c>Extract</c>, the store's completion, <c>AdmittedAsync</c>). <c>Seen</c>: how many of the 200 the frontier already holds
/// (a docs crawl's steady state is almost all); the others are new on every operation (their hrefs carry the
/// operation's number, formatted inside the operation: about 50 ns a link), and the frontier starts again from the seen
/// links every 1,000 operations so that it does not grow without end. One operation is one page: divide by 200 for a link.
/// </summary>
[MemoryDiagnoser]
public class LinkBenchmarks
{
    private const int LinksPerPage = 200;

    private static readonly Uri PageUrl = new("http://127.0.0.1:8080/ref/models/querysets.html");

    private readonly ExtractionContext _context = new(PageUrl);
    private readonly List<FrontierCandidate> _candidates = new(LinksPerPage);
    private const int FreshFrontierEvery = 1000;

    private string[] _hrefs = [];
    private string[] _page = [];
    private int _operation;
    private FrontierPolicy _policy = default!;
    private InMemoryCrawlStore<object> _store = default!;
    private OutcomeRecorder _recorder = default!;

    /// <summary>How many of the page's links the frontier has seen before.</summary>
    [Params(0, 180, 200)]
    public int Seen { get; set; }

    /// <summary>Builds the page's links and a frontier that has seen the first <see cref="Seen"/> of them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _hrefs = DocsLinks(LinksPerPage);
        _policy = new FrontierPolicy(HostScope.Create([], [PageUrl]), PathScope.None, maxDepth: 0);
        _recorder = new OutcomeRecorder("Links", Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        _store = new InMemoryCrawlStore<object>(maxPages: 0);
        _page = new string[LinksPerPage];
        Seed(_hrefs.AsSpan(0, Seen));
        var expected = LinksPerPage - Seen - OutOfScope(_hrefs.AsSpan(Seen));
        for (var check = 0; check < 3; check++)
        {
            if (Page() is var admitted && admitted != expected)
            {
                throw new InvalidOperationException($"{admitted} links admitted, {expected} expected.");
            }
        }
    }

    /// <summary>One page's links: resolved, checked, deduplicated, the skipped ones counted. Returns the links admitted.</summary>
    [Benchmark]
    public int Page() => Page(null);

    /// <summary><see cref="Page()"/>, adding each step's allocated bytes and CPU time to <paramref name="steps"/>.</summary>
    internal int Page(StepCosts? steps)
    {
        if (++_operation % FreshFrontierEvery == 0)
        {
            _store = new InMemoryCrawlStore<object>(maxPages: 0);
            Seed(_hrefs.AsSpan(0, Seen));
        }

        _hrefs.AsSpan(0, Seen).CopyTo(_page);
        for (var i = Seen; i < LinksPerPage; i++)
        {
            _page[i] = Fresh(_hrefs[i], _operation);
        }

        steps?.Start();
        _context.Reset(PageUrl);
        foreach (var href in _page)
        {
            _context.AddLink<LinkBenchmarks>("Links", href, out _);
        }

        steps?.Stop("resolve (AddLink)");
        _candidates.Clear();
        foreach (var link in _context.Links)
        {
            _candidates.Add(_policy.ForLink(link, 0, 1));
        }

        steps?.Stop("canonicalize and scope (FrontierPolicy)");
        _store.AdmitAsync(_candidates, CancellationToken.None).GetAwaiter().GetResult();
        steps?.Stop("dedupe and queue (store)");
        var admitted = 0;
        foreach (var candidate in _candidates)
        {
            if (candidate.Skip == SkipReason.None)
            {
                admitted++;
                continue;
            }

            _recorder.Record(new UrlOutcome
            {
                Url = candidate.Url,
                Kind = OutcomeKind.Skipped,
                PageType = "DocsPage",
                Depth = candidate.Depth,
                SkipReason = candidate.Skip,
                Message = candidate.Message,
            });
        }

        steps?.Stop("skipped outcomes (recorder)");
        return admitted;
    }

    /// <summary>Bytes allocated and CPU ticks per named step.</summary>
    internal sealed class StepCosts
    {
        private readonly Dictionary<string, (long Bytes, long Ticks)> _steps = [];
        private long _bytes;
        private TimeSpan _cpu;

        public void Start()
        {
            _bytes = GC.GetAllocatedBytesForCurrentThread();
            _cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        }

        public void Stop(string step)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var (b, t) = _steps.GetValueOrDefault(step);
            _steps[step] = (b + bytes - _bytes, t + (long)((cpu - _cpu).TotalSeconds * System.Diagnostics.Stopwatch.Frequency));
            Start();
        }

        public IEnumerable<(string Step, long Bytes, long Ticks)> All() => _steps.Select(s => (s.Key, s.Value.Bytes, s.Value.Ticks));
    }

    private void Seed(ReadOnlySpan<string> hrefs)
    {
        _context.Reset(PageUrl);
        foreach (var href in hrefs)
        {
            _context.AddLink<LinkBenchmarks>("Links", href, out _);
        }

        var candidates = new List<FrontierCandidate>();
        foreach (var link in _context.Links)
        {
            candidates.Add(_policy.ForLink(link, 0, 1));
        }

        _store.AdmitAsync(candidates, CancellationToken.None).GetAwaiter().GetResult();
    }

    // A new link of this operation: the page's href with the operation's number in its file name.
    private static string Fresh(string href, int operation) =>
        href.StartsWith("https://", StringComparison.Ordinal) ? href : href.Replace(".html", $"-{operation}.html", StringComparison.Ordinal);

    private static int OutOfScope(ReadOnlySpan<string> hrefs)
    {
        var count = 0;
        foreach (var href in hrefs)
        {
            count += href.StartsWith("https://", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    // Links as a Sphinx page carries them: to sibling and parent pages, most to an anchor, a few to other sites.
    private static string[] DocsLinks(int count)
    {
        var links = new string[count];
        for (var i = 0; i < count; i++)
        {
            links[i] = (i % 20) switch
            {
                0 => $"https://docs.python.org/3/library/module{i}.html",
                1 or 2 => $"../../topics/db/page{i}.html",
                3 => $"../fields{i}.html#django.db.models.Field{i}",
                4 => $"http://127.0.0.1:8080/ref/absolute{i}.html",
                _ => $"page{i}.html#django.db.models.query.QuerySet.method{i}",
            };
        }

        return links;
    }
}
