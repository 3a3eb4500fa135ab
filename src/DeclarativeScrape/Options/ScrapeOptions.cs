namespace DeclarativeScrape;

/// <summary>
/// Everything one run of a scraper can be told. The generated <c>CreateOptions()</c> of a scraper returns an
/// instance filled from its attributes; change what you need and pass it to <c>RunAsync</c> or <c>Start</c>.
/// Every value is checked by <see cref="Validate"/> when the run starts, before any request.
/// </summary>
public sealed class ScrapeOptions
{
    /// <summary>The default of <see cref="UserAgent"/>.</summary>
    public const string DefaultUserAgent = "DeclarativeScrape/0.1 (+https://github.com/declarativescrape)";

    /// <summary>The absolute http(s) URLs the crawl starts from, extracted as the start page type.</summary>
    public IList<Uri> StartUrls { get; set; } = new List<Uri>();

    /// <summary>
    /// Host names the crawl may visit (case-insensitive; <c>*.example.com</c> allows <c>example.com</c> and every
    /// subdomain; <c>example.com:8080</c> one port; IP addresses such as <c>127.0.0.1</c> or <c>[::1]</c>). Empty
    /// means the hosts of <see cref="StartUrls"/>, on any port.
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = new List<string>();

    /// <summary>Sitemaps whose entries seed the crawl (with the page types of the scraper's <see cref="SitemapAttribute"/>s).</summary>
    public SitemapOptions Sitemaps { get; set; } = new();

    /// <summary>
    /// Which of a host's queued URLs is fetched next: <see cref="CrawlOrder.ItemsFirst"/> (the default),
    /// <see cref="CrawlOrder.BreadthFirst"/> or <see cref="CrawlOrder.DepthFirst"/>.
    /// </summary>
    public CrawlOrder Order { get; set; } = CrawlOrder.ItemsFirst;

    /// <summary>Which URLs of the allowed hosts are crawled: a path prefix and include/exclude patterns.</summary>
    public ScopeOptions Scope { get; set; } = new();

    /// <summary>Requests in flight, in all and per host.</summary>
    public ConcurrencyOptions Concurrency { get; set; } = new();

    /// <summary>The per-host token bucket.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Retries of failed requests.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Time limits of each request attempt.</summary>
    public TimeoutOptions Timeouts { get; set; } = new();

    /// <summary>How robots.txt is treated.</summary>
    public RobotsOptions Robots { get; set; } = new();

    /// <summary>Pages, depth, response sizes and redirects.</summary>
    public LimitOptions Limits { get; set; } = new();

    /// <summary>
    /// The development HTTP cache: every response kept on disk and replayed by the next run instead of asking the site.
    /// Off by default; a tool for iterating on selectors (see <see cref="HttpCacheOptions"/>).
    /// </summary>
    public HttpCacheOptions HttpCache { get; set; } = new();

    /// <summary>The <c>User-Agent</c> header, also matched against robots.txt groups.</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Extra request headers sent with every request (a page type's <see cref="HeaderAttribute"/>s add to them).</summary>
    public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Cookies the crawl starts with, sent to the URLs they match (a cookie without a <see cref="System.Net.Cookie.Domain"/>
    /// is for the start URLs' hosts). Cookies the sites set are added as the crawl goes.
    /// </summary>
    public IList<System.Net.Cookie> Cookies { get; set; } = new List<System.Net.Cookie>();

    /// <summary>A login step before the crawl (a form submitted, its cookies kept); <see langword="null"/> for none.</summary>
    public LoginOptions? Login { get; set; }

    /// <summary>
    /// Your own <see cref="DelegatingHandler"/>s (authentication, request signing, logging), outermost first, each made
    /// once per run by its factory: every request of the run (robots.txt and the login step included) goes through them,
    /// then through the engine's pooled connection handler. Empty for none (the engine's client is used as it is).
    /// </summary>
    public IList<Func<DelegatingHandler>> Handlers { get; set; } = new List<Func<DelegatingHandler>>();

    /// <summary>
    /// A file the items are written to as they arrive: JSON Lines for <c>.jsonl</c>, <c>.ndjson</c> and <c>.json</c>,
    /// CSV for <c>.csv</c>. <see langword="null"/> for none.
    /// </summary>
    public string? OutputPath { get; set; }

    /// <summary>
    /// A directory where the crawl's state is kept (frontier, seen URLs, outcomes, items), so that a run stopped
    /// or killed at any moment resumes where it was. <see langword="null"/> to keep state in memory only.
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>
    /// An encoding label of the WHATWG Encoding Standard (<c>utf-8</c>, <c>windows-1251</c>, <c>shift_jis</c>…) that
    /// every page is decoded with, instead of the <c>charset</c> of its <c>Content-Type</c> header and its
    /// <c>&lt;meta&gt;</c>: for a site whose labels are wrong or missing. A byte order mark still wins. <see langword="null"/>
    /// (the default) decodes each page as browsers do (see docs/crawling.md, "How pages are decoded").
    /// </summary>
    public string? PageEncoding { get; set; }

    /// <summary>A test's hook, called as each stage of each page starts; it may throw, as a buggy stage would.</summary>
    internal Action<PageStage, Uri>? PageStageProbe { get; set; }

    /// <summary>
    /// A database where the crawl's state is kept and shared: every process given the same URI and the same scraper works
    /// on one crawl (the seen set, the per-host queues, leases, outcomes and items, each written once), and a host's
    /// politeness holds across all of them. A <c>postgresql://</c> URI needs <c>DeclarativeScrape.PostgreSql</c> and its
    /// <c>options.UsePostgreSql()</c> (see <see cref="StateProviders"/>). <see langword="null"/> for none; not together with
    /// <see cref="StateDirectory"/>. With it, <see cref="OutputPath"/> is written by the last worker out, with every item of
    /// the crawl.
    /// </summary>
    public string? StateDatabase { get; set; }

    /// <summary>The kinds of database <see cref="StateDatabase"/> may name (added by their packages, for example <c>options.UsePostgreSql()</c>).</summary>
    public IList<StateProvider> StateProviders { get; set; } = new List<StateProvider>();

    /// <summary>The engine the run uses; <see langword="null"/> for <see cref="ScrapeEngine.Shared"/>.</summary>
    public ScrapeEngine? Engine { get; set; }

    /// <summary>
    /// Renders the pages of <see cref="RenderAttribute"/> page types (for example the <c>DeclarativeScrape.Browser</c>
    /// package's Chromium renderer); required when the scraper has such page types, unused otherwise. The caller owns
    /// it: one renderer may serve several runs, which then share its browser.
    /// </summary>
    public IPageRenderer? Renderer { get; set; }

    /// <summary>Checks every option and throws <see cref="ScrapeOptionsException"/> naming the first bad one.</summary>
    /// <exception cref="ScrapeOptionsException">An option has a value that cannot work.</exception>
    public void Validate()
    {
        if (StartUrls is null || StartUrls.Count == 0)
        {
            throw new ScrapeOptionsException(nameof(StartUrls), "needs at least one absolute http(s) URL (the scraper's [Scraper] gives none: set StartUrls, or --url on the command line).");
        }

        for (var i = 0; i < StartUrls.Count; i++)
        {
            var url = StartUrls[i];
            if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new ScrapeOptionsException($"{nameof(StartUrls)}[{i}]", $"'{url}' is not an absolute http or https URL.");
            }
        }

        if (AllowedHosts is null)
        {
            throw new ScrapeOptionsException(nameof(AllowedHosts), "must not be null; leave it empty to allow the start URLs' hosts.");
        }

        // Parsing the scope checks every entry and names a bad one.
        _ = HostScope.Create(AllowedHosts, StartUrls);

        if (!Enum.IsDefined(Order))
        {
            throw new ScrapeOptionsException(nameof(Order), $"'{Order}' is not a crawl order: use ItemsFirst, BreadthFirst or DepthFirst.");
        }

        Require(Scope, nameof(Scope)).Validate(nameof(Scope) + ".");
        Require(Sitemaps, nameof(Sitemaps)).Validate(nameof(Sitemaps) + ".");
        Require(Concurrency, nameof(Concurrency)).Validate(nameof(Concurrency) + ".", shared: StateDatabase is not null);
        Require(RateLimit, nameof(RateLimit)).Validate(nameof(RateLimit) + ".");
        Require(Retry, nameof(Retry)).Validate(nameof(Retry) + ".");
        Require(Timeouts, nameof(Timeouts)).Validate(nameof(Timeouts) + ".");
        Require(Robots, nameof(Robots)).Validate(nameof(Robots) + ".");
        Require(Limits, nameof(Limits)).Validate(nameof(Limits) + ".");
        Require(HttpCache, nameof(HttpCache)).Validate(nameof(HttpCache) + ".");

        Login?.Validate(nameof(Login) + ".");
        if (Cookies is null || Handlers is null)
        {
            throw new ScrapeOptionsException(Cookies is null ? nameof(Cookies) : nameof(Handlers), "must not be null; leave it empty for none.");
        }

        for (var i = 0; i < Cookies.Count; i++)
        {
            if (Cookies[i] is not { Name.Length: > 0 })
            {
                throw new ScrapeOptionsException($"{nameof(Cookies)}[{i}]", "is not a cookie with a name.");
            }
        }

        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            throw new ScrapeOptionsException(nameof(UserAgent), "must not be empty.");
        }

        if (OutputPath is { Length: 0 })
        {
            throw new ScrapeOptionsException(nameof(OutputPath), "must be a file path or null.");
        }

        if (PageEncoding is not null && !PageDecoder.IsEncodingLabel(PageEncoding))
        {
            throw new ScrapeOptionsException(nameof(PageEncoding), $"'{PageEncoding}' is not an encoding label of the WHATWG Encoding Standard (for example utf-8, windows-1251, shift_jis, gbk); null decodes each page as browsers do.");
        }

        if (StateDirectory is { Length: 0 })
        {
            throw new ScrapeOptionsException(nameof(StateDirectory), "must be a directory path or null.");
        }

        _ = StateProviderFor();
    }

    /// <summary>The provider of <see cref="StateDatabase"/>, or <see langword="null"/> when there is none to open.</summary>
    /// <exception cref="ScrapeOptionsException">The URI is empty or malformed, no provider accepts it, or a state directory is given too.</exception>
    internal StateProvider? StateProviderFor()
    {
        if (StateDatabase is not { } uri)
        {
            return null;
        }

        if (uri.Length == 0)
        {
            throw new ScrapeOptionsException(nameof(StateDatabase), "must be a database URI (postgresql://…) or null.");
        }

        if (StateDirectory is not null)
        {
            throw new ScrapeOptionsException(nameof(StateDatabase), $"and StateDirectory are both set; a crawl keeps its state in one place: a directory for one process, or a database shared by many.");
        }

        var provider = (StateProviders ?? []).FirstOrDefault(p => p is not null && p.Accepts(uri))
            ?? throw new ScrapeOptionsException(nameof(StateDatabase), $"'{StateUris.Redact(uri)}' names a database no state provider here can open. " +
                (StateUris.IsPostgreSql(uri)
                    ? "For PostgreSQL, reference the DeclarativeScrape.PostgreSql package and call options.UsePostgreSql() (in ScrapeApp.RunAsync, its configure callback)."
                    : "Give a postgresql:// URI (with DeclarativeScrape.PostgreSql and options.UsePostgreSql()), or a state directory instead."));
        provider.Implementation.Check(uri);
        return provider;
    }

    private static T Require<T>(T? value, string name) where T : class =>
        value ?? throw new ScrapeOptionsException(name, "must not be null.");
}
