using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;

namespace DeclarativeScrape.Hosting;

/// <summary>The host's command line (System.CommandLine 2.0): the options, their checks and the parse into <see cref="HostSettings"/>.</summary>
internal sealed class HostCommandLine
{
    /// <summary>The output file extensions and what they mean.</summary>
    private readonly Option<string[]> _url = new("--url", "--start", "-u")
    {
        Description = "A start URL (repeatable). Replaces the scraper's start URLs and, unless --allowed-host is given, its allowed hosts.",
        HelpName = "URL",
    };

    private readonly Option<string[]> _allowedHost = new("--allowed-host")
    {
        Description = "A host the crawl may visit (repeatable; *.example.com allows subdomains). Replaces the scraper's allowed hosts.",
        HelpName = "HOST",
    };

    private readonly Option<string?> _pathPrefix = new("--path-prefix")
    {
        Description = "Crawl only URLs whose path starts with PATH (such as /docs/); start URLs are always crawled. Replaces the scraper's.",
        HelpName = "PATH",
    };

    private readonly Option<string[]> _include = new("--include")
    {
        Description = "A URL pattern (glob: /docs/**, **.html) a crawled URL must match one of (repeatable). Replaces the scraper's.",
        HelpName = "GLOB",
    };

    private readonly Option<string[]> _exclude = new("--exclude")
    {
        Description = "A URL pattern (glob: **.pdf, **?*) no crawled URL may match (repeatable). Replaces the scraper's.",
        HelpName = "GLOB",
    };

    private readonly Option<string[]> _sitemap = new("--sitemap")
    {
        Description = "A sitemap (or sitemap index) whose entries seed the crawl: an absolute URL, or a path on the start URL's host (repeatable). Replaces the scraper's.",
        HelpName = "URL",
    };

    private readonly Option<DateTimeOffset?> _modifiedSince = new("--modified-since")
    {
        Description = "Leave out sitemap entries whose lastmod is older than DATE (2024-06-01, or with a time and zone).",
        HelpName = "DATE",
    };

    private readonly Option<string[]> _header = new("--header", "-H")
    {
        Description = "A request header sent with every request, as 'Name: value' (repeatable); it replaces the scraper's of that name.",
        HelpName = "HEADER",
    };

    private readonly Option<string[]> _cookie = new("--cookie")
    {
        Description = "A cookie the crawl starts with, as name=value (repeatable), for the start URLs' hosts.",
        HelpName = "COOKIE",
    };

    private readonly Option<string?> _out = new("--out", "-o")
    {
        Description = "Where items go: FILE.jsonl or .ndjson (JSON Lines), FILE.json (a JSON array), FILE.csv (CSV), or - for JSON Lines on standard output.",
        HelpName = "FILE",
    };

    private readonly Option<int?> _maxPages = WholeNumber("--max-pages", "The most pages fetched; 0 for no limit.", min: 0);
    private readonly Option<int?> _maxDepth = WholeNumber("--max-depth", "The most links followed from a start URL; 0 for no limit.", min: 0);
    private readonly Option<CrawlOrder?> _order = new("--order")
    {
        Description = "Which queued page of a host goes next: items-first (pages of item types before listings; the default), breadth-first or depth-first.",
        HelpName = "ORDER",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            var order = token.ToLowerInvariant() switch
            {
                "items-first" => CrawlOrder.ItemsFirst,
                "breadth-first" => CrawlOrder.BreadthFirst,
                "depth-first" => CrawlOrder.DepthFirst,
                _ => (CrawlOrder?)null,
            };
            if (order is null)
            {
                result.AddError($"--order: '{token}' is not an order; use items-first, breadth-first or depth-first.");
            }

            return order;
        },
    };

    private readonly Option<int?> _concurrency = WholeNumber("--concurrency", "At most N requests in flight in all (and so at most N per host): sets both limits to N.", min: 1, "-c");
    private readonly Option<int?> _perHost = WholeNumber("--per-host", "At most N requests in flight per host (raises the overall limit to N if it is lower and --concurrency is not given).", min: 1);

    private readonly Option<double?> _rate = new("--rate")
    {
        Description = "At most R requests per second per host (a token bucket); 0 removes the scraper's rate limit.",
        HelpName = "R",
        CustomParser = ParseRate,
    };

    private readonly Option<int?> _burst = WholeNumber("--burst", "Requests that may start at once against a host after an idle moment (the token bucket's depth; with --rate).", min: 1);
    private readonly Option<long?> _maxResponseSize = Size("--max-response-size", "The most bytes read off the wire for one response (16MiB by default); a larger one fails as TooLarge.");
    private readonly Option<long?> _maxDecompressedSize = Size("--max-decompressed-size", "The most bytes one body may hold in memory after decompression (16MiB by default).");
    private readonly Option<long?> _bodyBudget = Size("--body-budget", "The most bytes all response bodies in flight may hold in memory at once (64MiB by default).");
    private readonly Option<int?> _maxRedirects = WholeNumber("--max-redirects", "The most redirects followed for one request (10 by default).", min: 0);
    private readonly Option<bool> _noAdaptive = new("--no-adaptive") { Description = "Keep each host at --per-host requests in flight and at --rate (or unpaced): neither its concurrency nor its rate adapts to 429/503 answers or latency." };

    private readonly Option<string?> _state = new("--state")
    {
        Description = "Where the crawl's state is kept: a directory (a stopped run resumes where it was), or a postgresql:// URI (every process given it works on one crawl).",
        HelpName = "DIR|URI",
    };

    private readonly Option<string> _exportState = StateOf("export");
    private readonly Option<string> _statusState = StateOf("status");

    private readonly Option<string> _exportOut = new("--out", "-o")
    {
        Description = "The file: FILE.jsonl or .ndjson (JSON Lines), FILE.json (one JSON array) or FILE.csv (CSV); replaced once complete.",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<double?> _drainTimeout = new("--drain-timeout")
    {
        Description = "After the first Ctrl+C or SIGTERM, how long the requests in flight may finish before they are cancelled (default 10; 0 cancels them at once).",
        HelpName = "SECONDS",
        CustomParser = ParseDrainTimeout,
    };

    private readonly Option<string?> _pageEncoding = new("--page-encoding")
    {
        Description = "Decode every page with this encoding (utf-8, windows-1251, shift_jis…) instead of its Content-Type charset and <meta>, for a site whose labels are wrong.",
        HelpName = "LABEL",
    };

    private readonly Option<string?> _httpCache = new("--http-cache")
    {
        Description = "A development tool: keep every response in DIR and replay it on the next run instead of asking the site (robots.txt included; not HTTP caching: nothing expires).",
        HelpName = "DIR",
    };

    private readonly Option<long?> _httpCacheSize = Size("--http-cache-size", "The most bytes --http-cache keeps (1GiB by default); past it, the responses kept longest ago are deleted.");

    private readonly Option<bool> _noRobots = new("--no-robots") { Description = "Ignore robots.txt and its Crawl-delay (only for sites you own)." };

    private readonly Option<double?> _robotsUnreachableTimeout = new("--robots-unreachable-timeout")
    {
        Description = "How long a host whose robots.txt cannot be fetched (refused, timed out, 5xx, 429) stays paused while robots.txt is retried, before its URLs fail (default 120; 0 fails them after the first attempt).",
        HelpName = "SECONDS",
        CustomParser = ParseRobotsUnreachableTimeout,
    };

    private readonly Option<string?> _userAgent = new("--user-agent")
    {
        Description = "The User-Agent header of every request, robots.txt's included; robots.txt's groups are matched against it.",
        HelpName = "TEXT",
    };

    private readonly Argument<string> _probeTarget = new("url-or-file")
    {
        Description = "The page: an http(s) URL, fetched as a crawl fetches it, or a saved page's file.",
    };

    private readonly Option<string?> _probePage = new("--page")
    {
        Description = "The page type to extract the page as (default: the start page type).",
        HelpName = "TYPE",
    };

    private readonly Option<string?> _probeSave = new("--save")
    {
        Description = "Save the page to DIR as a sample (TYPE-NAME.html) with its expected-values file (TYPE-NAME.expected.json).",
        HelpName = "DIR",
    };

    private readonly Option<string?> _probeUrl = new("--url")
    {
        Description = "For a saved page: the URL it came from (default: the url of its expected-values file).",
        HelpName = "URL",
    };

    private readonly Option<bool> _probeNoRobots = new("--no-robots") { Description = "Ignore robots.txt (only for sites you own)." };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print only the summary and errors." };
    private readonly Option<bool> _verbose = new("--verbose", "-v") { Description = "Also print every failed URL as it happens, and informational log messages." };

    public HostCommandLine(string scraperName, string version)
    {
        Root = new RootCommand($"Runs the {scraperName} scraper: crawls from its start URLs, shows progress on standard error and prints a summary.");
        Option[] options = [_url, _allowedHost, _pathPrefix, _include, _exclude, _sitemap, _modifiedSince, _header, _cookie, _out, _maxPages, _maxDepth, _order, _concurrency, _perHost, _rate, _burst, _noAdaptive, _maxResponseSize, _maxDecompressedSize, _bodyBudget, _maxRedirects, _state, _drainTimeout, _pageEncoding, _httpCache, _httpCacheSize, _noRobots, _robotsUnreachableTimeout, _userAgent, _quiet, _verbose];
        foreach (var option in options)
        {
            Root.Options.Add(option);
        }

        Export = new Command("export", "Writes every item of a crawl's state to a file: a state directory between runs, a database shared by workers any time.") { _exportState, _exportOut };
        Status = new Command("status", "Prints the progress of a crawl's state: URLs by outcome, items, per-host queues; for a database shared by workers also the workers and their heartbeats.") { _statusState };
        Probe = new Command("probe", "Fetches one page as a crawl would (or reads a saved one), extracts it and prints the value, every failure with its selector and the links each [Follow] found, as JSON. Exit code 0 when the page extracted without a failure.")
        {
            _probeTarget, _probePage, _probeSave, _probeUrl, _probeNoRobots, _pageEncoding, _httpCache,
        };
        Root.Subcommands.Add(Export);
        Root.Subcommands.Add(Status);
        Root.Subcommands.Add(Probe);
        Root.Action = Export.Action = Status.Action = Probe.Action = new RunAction();

        foreach (var option in Root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction(version);
        }

        _url.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!TryParseHttpUrl(value, out _))
                {
                    result.AddError($"--url: '{value}' is not an absolute http or https URL.");
                }
            }
        });
        _allowedHost.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (string.IsNullOrWhiteSpace(value) || value.Contains('/', StringComparison.Ordinal))
                {
                    result.AddError($"--allowed-host: '{value}' is not a host name (give example.com, not a URL).");
                }
            }
        });
        _sitemap.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!value.StartsWith('/') && !TryParseHttpUrl(value, out _))
                {
                    result.AddError($"--sitemap: '{value}' is neither an absolute http(s) URL nor a path starting with '/'.");
                }
            }
        });
        _header.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (SplitHeader(value) is null)
                {
                    result.AddError($"--header: '{value}' is not 'Name: value'.");
                }
            }
        });
        _cookie.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (value.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    result.AddError($"--cookie: '{value}' is not name=value.");
                }
            }
        });
        _out.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && value != HostSettings.StandardOutput && OutputFormatOf(value) is null)
            {
                result.AddError($"--out: '{value}' has no known extension; use .jsonl, .ndjson, .json or .csv, or - for standard output.");
            }
        });
        _state.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
            {
                result.AddError("--state: needs a directory path.");
            }
        });
        _httpCache.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && string.IsNullOrWhiteSpace(value))
            {
                result.AddError("--http-cache: needs a directory path.");
            }
        });
        _pageEncoding.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } label && !PageDecoder.IsEncodingLabel(label))
            {
                result.AddError($"--page-encoding: '{label}' is not an encoding label of the WHATWG Encoding Standard (for example utf-8, windows-1251, shift_jis, gbk).");
            }
        });
        _probeUrl.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !TryParseHttpUrl(value, out _))
            {
                result.AddError($"--url: '{value}' is not an absolute http or https URL.");
            }
        });
        Probe.Validators.Add(result =>
        {
            var target = result.GetValue(_probeTarget);
            if (string.IsNullOrWhiteSpace(target))
            {
                result.AddError("probe: needs a URL or a file.");
            }
            else if (!TryParseHttpUrl(target, out _) && !File.Exists(target))
            {
                result.AddError($"probe: '{target}' is neither an absolute http(s) URL nor an existing file.");
            }
            else if (TryParseHttpUrl(target, out _) && result.GetValue(_probeUrl) is not null)
            {
                result.AddError("probe: --url is for a saved page; a fetched page's URL is the one given.");
            }
        });
        Root.Validators.Add(result =>
        {
            if (result.GetValue(_quiet) && result.GetValue(_verbose))
            {
                result.AddError("--quiet and --verbose cannot be used together.");
            }
        });
    }

    public RootCommand Root { get; }

    /// <summary>The <c>export</c> command.</summary>
    public Command Export { get; }

    /// <summary>The <c>status</c> command.</summary>
    public Command Status { get; }

    /// <summary>The <c>probe</c> command.</summary>
    public Command Probe { get; }

    /// <summary>The settings of a <c>probe</c> command, or <see langword="null"/> for another command.</summary>
    public ProbeSettings? ProbeCommand(ParseResult result)
    {
        if (result.CommandResult.Command != Probe)
        {
            return null;
        }

        var target = result.GetValue(_probeTarget)!;
        var isUrl = TryParseHttpUrl(target, out var url);
        return new ProbeSettings
        {
            Url = isUrl ? url : null,
            File = isUrl ? null : target,
            FileUrl = result.GetValue(_probeUrl) is { } fileUrl && TryParseHttpUrl(fileUrl, out var parsed) ? parsed : null,
            PageType = result.GetValue(_probePage),
            SaveDirectory = result.GetValue(_probeSave),
            NoRobots = result.GetValue(_probeNoRobots),
            PageEncoding = result.GetValue(_pageEncoding),
            HttpCache = result.GetValue(_httpCache),
        };
    }

    /// <summary>The state and the file of an <c>export</c> or <c>status</c> command, or <see langword="null"/> for a crawl.</summary>
    public (string Command, string State, string? Out)? StateCommand(ParseResult result) =>
        result.CommandResult.Command == Export ? ("export", result.GetValue(_exportState)!, result.GetValue(_exportOut))
        : result.CommandResult.Command == Status ? ("status", result.GetValue(_statusState)!, null)
        : null;

    /// <summary>The format an output path implies: <c>jsonl</c>, <c>json</c>, <c>csv</c>, or <see langword="null"/> for an unknown extension.</summary>
    public static string? OutputFormatOf(string path) => ItemWriter<object>.FormatOf(path);

    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args);

    /// <summary><c>Name: value</c> as a pair, or <see langword="null"/> when it is not one.</summary>
    private static KeyValuePair<string, string>? SplitHeader(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = colon > 0 ? value[..colon].Trim() : string.Empty;
        return name.Length == 0 || name.Any(char.IsWhiteSpace) ? null : new KeyValuePair<string, string>(name, value[(colon + 1)..].Trim());
    }

    /// <summary>The settings of a parse result without errors.</summary>
    public HostSettings Read(ParseResult result) => new()
    {
        Urls = [.. (result.GetValue(_url) ?? []).Select(u => TryParseHttpUrl(u, out var url) ? url : throw new InvalidOperationException($"unchecked URL {u}"))],
        AllowedHosts = result.GetValue(_allowedHost) ?? [],
        PathPrefix = result.GetValue(_pathPrefix),
        Include = result.GetValue(_include) ?? [],
        Exclude = result.GetValue(_exclude) ?? [],
        Sitemaps = [.. (result.GetValue(_sitemap) ?? []).Select(s => new Uri(s, UriKind.RelativeOrAbsolute))],
        ModifiedSince = result.GetValue(_modifiedSince),
        Headers = [.. (result.GetValue(_header) ?? []).Select(h => SplitHeader(h) ?? throw new InvalidOperationException($"unchecked header {h}"))],
        Cookies = [.. (result.GetValue(_cookie) ?? []).Select(c => new KeyValuePair<string, string>(c[..c.IndexOf('=', StringComparison.Ordinal)].Trim(), c[(c.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim()))],
        Out = result.GetValue(_out),
        MaxPages = result.GetValue(_maxPages),
        MaxDepth = result.GetValue(_maxDepth),
        Order = result.GetValue(_order),
        Concurrency = result.GetValue(_concurrency),
        PerHost = result.GetValue(_perHost),
        Rate = result.GetValue(_rate),
        Burst = result.GetValue(_burst),
        NoAdaptive = result.GetValue(_noAdaptive),
        MaxResponseBytes = result.GetValue(_maxResponseSize),
        MaxDecompressedBytes = result.GetValue(_maxDecompressedSize),
        BodyBudgetBytes = result.GetValue(_bodyBudget),
        MaxRedirects = result.GetValue(_maxRedirects),
        State = result.GetValue(_state),
        DrainTimeout = result.GetValue(_drainTimeout),
        PageEncoding = result.GetValue(_pageEncoding),
        HttpCache = result.GetValue(_httpCache),
        HttpCacheMaxBytes = result.GetValue(_httpCacheSize),
        NoRobots = result.GetValue(_noRobots),
        RobotsUnreachableTimeout = result.GetValue(_robotsUnreachableTimeout),
        UserAgent = result.GetValue(_userAgent),
        Quiet = result.GetValue(_quiet),
        Verbose = result.GetValue(_verbose),
    };

    private static Option<string> StateOf(string command) => new("--state")
    {
        Description = $"The crawl's state, as given to its runs: a state directory (between runs), or a database shared by workers (postgresql://…); {command} reads it without changing it.",
        HelpName = "DIR|URI",
        Required = true,
    };

    private static bool TryParseHttpUrl(string value, out Uri url) =>
        Uri.TryCreate(value, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static Option<int?> WholeNumber(string name, string description, int min, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{name}: '{token}' is not a whole number.");
                return null;
            }

            if (value < min)
            {
                result.AddError($"{name}: must be at least {min}, was {value}.");
                return null;
            }

            return value;
        },
    };

    private static Option<long?> Size(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "SIZE",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!TryParseSize(token, out var bytes))
            {
                result.AddError($"{name}: '{token}' is not a size; give bytes, or a number with KiB, MiB, GiB (or kB, MB, GB), such as 16MiB.");
                return null;
            }

            if (bytes < 1)
            {
                result.AddError($"{name}: must be positive, was {token}.");
                return null;
            }

            return bytes;
        },
    };

    /// <summary>Reads a size: whole bytes, or a number with a unit: KiB, MiB, GiB (powers of 1024) or kB, MB, GB (of 1000).</summary>
    internal static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var value = text.Trim();
        var split = 0;
        while (split < value.Length && (char.IsAsciiDigit(value[split]) || value[split] is '.' or '-' or '+'))
        {
            split++;
        }

        if (!double.TryParse(value.AsSpan(0, split), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        double? unit = value[split..].Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "KIB" or "K" => 1L << 10,
            "MIB" or "M" => 1L << 20,
            "GIB" or "G" => 1L << 30,
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            _ => null,
        };
        if (unit is not { } factor || !double.IsFinite(number * factor) || Math.Abs(number * factor) > long.MaxValue / 2)
        {
            return false;
        }

        bytes = (long)Math.Round(number * factor);
        return true;
    }

    private static double? ParseRate(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            result.AddError($"--rate: '{token}' is not a number of requests per second.");
            return null;
        }

        if (value < 0)
        {
            result.AddError($"--rate: must be positive (or 0 for no limit), was {token}.");
            return null;
        }

        return value;
    }

    private static double? ParseDrainTimeout(ArgumentResult result) => ParseSeconds(result, "--drain-timeout");

    private static double? ParseRobotsUnreachableTimeout(ArgumentResult result) => ParseSeconds(result, "--robots-unreachable-timeout");

    private static double? ParseSeconds(ArgumentResult result, string option)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0 || value > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            result.AddError($"{option}: '{token}' is not a number of seconds (0 or more).");
            return null;
        }

        return value;
    }

    /// <summary>The mark of a command the host runs itself (a crawl, <c>export</c>, <c>status</c>), as opposed to <c>--help</c> and <c>--version</c>.</summary>
    internal sealed class RunAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult) => ExitCodes.Success;
    }

    /// <summary>Prints the scraper's name and version and the library's version.</summary>
    private sealed class VersionAction(string version) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(version);
            return ExitCodes.Success;
        }
    }
}
