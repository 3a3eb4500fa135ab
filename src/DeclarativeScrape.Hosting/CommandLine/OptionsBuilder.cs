namespace DeclarativeScrape.Hosting;

/// <summary>Applies the command line to a run's <see cref="ScrapeOptions"/>, and names the argument behind an option.</summary>
internal static class OptionsBuilder
{
    /// <summary>Points <paramref name="options"/> at an embedded site: its start URL, scoped to its host.</summary>
    public static void UseEmbeddedSite(ScrapeOptions options, Uri startUrl)
    {
        options.StartUrls = [startUrl];
        options.AllowedHosts = [startUrl.Host];
    }

    /// <summary>Applies every setting the command line gave; what it did not give keeps the scraper's value.</summary>
    public static void Apply(HostSettings settings, ScrapeOptions options)
    {
        if (settings.Urls.Count > 0)
        {
            options.StartUrls = [.. settings.Urls];
            options.AllowedHosts = [.. settings.Urls.Select(u => u.Host).Distinct(StringComparer.OrdinalIgnoreCase)];
        }

        if (settings.AllowedHosts.Count > 0)
        {
            options.AllowedHosts = [.. settings.AllowedHosts];
        }

        if (settings.PathPrefix is { } prefix)
        {
            options.Scope.PathPrefix = prefix;
        }

        if (settings.Include.Count > 0)
        {
            options.Scope.Include = [.. settings.Include];
        }

        if (settings.Exclude.Count > 0)
        {
            options.Scope.Exclude = [.. settings.Exclude];
        }

        if (settings.Sitemaps.Count > 0)
        {
            options.Sitemaps.Urls = [.. settings.Sitemaps];
            options.Sitemaps.FromRobots = false;
        }

        if (settings.ModifiedSince is { } since)
        {
            options.Sitemaps.ModifiedSince = since;
        }

        foreach (var (name, value) in settings.Headers)
        {
            options.Headers[name] = value;
        }

        foreach (var (name, value) in settings.Cookies)
        {
            options.Cookies.Add(new System.Net.Cookie(name, value));
        }

        if (settings.Out is { } output)
        {
            options.OutputPath = settings.OutToStandardOutput ? null : output;
        }

        if (settings.MaxPages is { } maxPages)
        {
            options.Limits.MaxPages = maxPages;
        }

        if (settings.MaxDepth is { } maxDepth)
        {
            options.Limits.MaxDepth = maxDepth;
        }

        if (settings.Order is { } order)
        {
            options.Order = order;
        }

        if (settings.Concurrency is { } concurrency)
        {
            options.Concurrency.Max = concurrency;
            options.Concurrency.PerHost = concurrency;
        }

        if (settings.PerHost is { } perHost)
        {
            options.Concurrency.PerHost = perHost;
            if (settings.Concurrency is null && options.Concurrency.Max < perHost)
            {
                options.Concurrency.Max = perHost;
            }
        }

        if (settings.Rate is { } rate)
        {
            options.RateLimit.RequestsPerSecond = rate == 0 ? null : rate;
        }

        if (settings.Burst is { } burst)
        {
            options.RateLimit.Burst = burst;
        }

        if (settings.NoAdaptive)
        {
            options.Concurrency.Adaptive = false;
            options.RateLimit.Adaptive = false;
        }

        if (settings.MaxResponseBytes is { } maxResponse)
        {
            options.Limits.MaxResponseBytes = maxResponse;
        }

        if (settings.MaxDecompressedBytes is { } maxDecompressed)
        {
            options.Limits.MaxDecompressedBytes = maxDecompressed;
        }

        if (settings.BodyBudgetBytes is { } budget)
        {
            options.Limits.BodyBudgetBytes = budget;
        }

        if (settings.MaxRedirects is { } redirects)
        {
            options.Limits.MaxRedirects = redirects;
        }

        if (settings.State is { } state)
        {
            // A URI is a database shared by workers; anything else is a directory.
            if (StateUris.IsUri(state))
            {
                options.StateDatabase = state;
                options.StateDirectory = null;
            }
            else
            {
                options.StateDirectory = state;
                options.StateDatabase = null;
            }
        }

        if (settings.DrainTimeout is { } drain)
        {
            options.Timeouts.Drain = TimeSpan.FromSeconds(drain);
        }

        if (settings.PageEncoding is { } pageEncoding)
        {
            options.PageEncoding = pageEncoding;
        }

        if (settings.HttpCache is { } httpCache)
        {
            options.HttpCache.Directory = httpCache;
        }

        if (settings.HttpCacheMaxBytes is { } httpCacheSize)
        {
            options.HttpCache.MaxBytes = httpCacheSize;
        }

        if (settings.NoRobots)
        {
            options.Robots.Obey = false;
        }

        if (settings.RobotsUnreachableTimeout is { } robotsUnreachable)
        {
            options.Robots.UnreachableTimeout = TimeSpan.FromSeconds(robotsUnreachable);
        }

        if (settings.UserAgent is { } userAgent)
        {
            options.UserAgent = userAgent;
        }
    }

    /// <summary>The command-line argument that sets <paramref name="optionName"/>, when the command line gave it.</summary>
    /// <param name="settings">The command line.</param>
    /// <param name="optionName">A <see cref="ScrapeOptionsException.OptionName"/>, for example <c>Concurrency.PerHost</c>.</param>
    public static string? ArgumentFor(HostSettings settings, string optionName)
    {
        var root = optionName.Split('[')[0];
        return root switch
        {
            "StartUrls" => "--url",
            "AllowedHosts" when settings.AllowedHosts.Count > 0 => "--allowed-host",
            "AllowedHosts" when settings.Urls.Count > 0 => "--url",
            "OutputPath" when settings.Out is not null => "--out",
            "Scope.PathPrefix" when settings.PathPrefix is not null => "--path-prefix",
            "Sitemaps.Urls" or "Sitemaps" when settings.Sitemaps.Count > 0 => "--sitemap",
            "Scope.Include" when settings.Include.Count > 0 => "--include",
            "Scope.Exclude" when settings.Exclude.Count > 0 => "--exclude",
            "Limits.MaxPages" when settings.MaxPages is not null => "--max-pages",
            "Limits.MaxDepth" when settings.MaxDepth is not null => "--max-depth",
            "Concurrency.PerHost" when settings.PerHost is not null => "--per-host",
            "Concurrency.Max" or "Concurrency.PerHost" when settings.Concurrency is not null => "--concurrency",
            "RateLimit.RequestsPerSecond" when settings.Rate is not null => "--rate",
            "RateLimit.Burst" when settings.Burst is not null => "--burst",
            "Limits.MaxResponseBytes" when settings.MaxResponseBytes is not null => "--max-response-size",
            "Limits.MaxDecompressedBytes" when settings.MaxDecompressedBytes is not null => "--max-decompressed-size",
            "Limits.BodyBudgetBytes" when settings.BodyBudgetBytes is not null => "--body-budget",
            "Limits.BodyBudgetBytes" when settings.MaxDecompressedBytes is not null => "--max-decompressed-size",
            "Limits.MaxRedirects" when settings.MaxRedirects is not null => "--max-redirects",
            "StateDirectory" or "StateDatabase" when settings.State is not null => "--state",
            "Timeouts.Drain" when settings.DrainTimeout is not null => "--drain-timeout",
            "PageEncoding" when settings.PageEncoding is not null => "--page-encoding",
            "HttpCache.Directory" when settings.HttpCache is not null => "--http-cache",
            "HttpCache.MaxBytes" when settings.HttpCacheMaxBytes is not null => "--http-cache-size",
            "Robots.UnreachableTimeout" when settings.RobotsUnreachableTimeout is not null => "--robots-unreachable-timeout",
            "UserAgent" when settings.UserAgent is not null => "--user-agent",
            _ => null,
        };
    }
}
