namespace DeclarativeScrape.Generators
{
    /// <summary>The names of the generator's pipeline steps, so tests can find them in the driver's tracked steps.</summary>
    internal static class TrackingNames
    {
        public const string PageResults = nameof(PageResults);
        public const string PageModels = nameof(PageModels);
        public const string PageSources = nameof(PageSources);
        public const string PageSummaries = nameof(PageSummaries);
        public const string ItemResults = nameof(ItemResults);
        public const string ItemModels = nameof(ItemModels);
        public const string ItemSources = nameof(ItemSources);
        public const string ItemSummaries = nameof(ItemSummaries);
        public const string AllSummaries = nameof(AllSummaries);
        public const string ScraperResults = nameof(ScraperResults);
        public const string ScraperModels = nameof(ScraperModels);
        public const string ScraperSources = nameof(ScraperSources);
        public const string ScraperDiagnostics = nameof(ScraperDiagnostics);
    }
}
