namespace DeclarativeScrape.Generators.Model
{
    /// <summary>The option values a scraper's attributes set; <see langword="null"/> where an attribute leaves the runtime default.</summary>
    internal sealed record ScraperOptionsModel
    {
        public EquatableArray<string> StartUrls { get; init; } = EquatableArray<string>.Empty;

        public EquatableArray<string> AllowedHosts { get; init; } = EquatableArray<string>.Empty;

        public int? ConcurrencyMax { get; init; }

        public int? ConcurrencyPerHost { get; init; }

        public double? RequestsPerSecond { get; init; }

        public int? Burst { get; init; }

        public int? MaxAttempts { get; init; }

        public int? BaseDelayMs { get; init; }

        public int? MaxDelayMs { get; init; }

        /// <summary>Whether <see cref="RetryStatusCodes"/> replaces the default set.</summary>
        public bool HasRetryStatusCodes { get; init; }

        public EquatableArray<int> RetryStatusCodes { get; init; } = EquatableArray<int>.Empty;

        public double? RequestSeconds { get; init; }

        public double? ReadIdleSeconds { get; init; }

        public double? ConnectSeconds { get; init; }

        public bool? ObeyRobots { get; init; }

        public string? UserAgent { get; init; }

        public string? PageEncoding { get; init; }

        public EquatableArray<HeaderModel> Headers { get; init; } = EquatableArray<HeaderModel>.Empty;

        public int? MaxPages { get; init; }

        public int? MaxDepth { get; init; }

        public long? MaxResponseBytes { get; init; }

        public long? MaxDecompressedBytes { get; init; }

        public long? BodyBudgetBytes { get; init; }

        public int? MaxRedirects { get; init; }

        public string? ScopePathPrefix { get; init; }

        public LinkRulesModel? ScopeRules { get; init; }

        public EquatableArray<SitemapModel> Sitemaps { get; init; } = EquatableArray<SitemapModel>.Empty;

        /// <summary>A <c>[Sitemap]</c> was left out for an error (DS0052): the page types it reaches are not known.</summary>
        public bool SitemapLeftOut { get; init; }
    }
}
