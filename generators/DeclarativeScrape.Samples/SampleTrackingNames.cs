namespace DeclarativeScrape.Samples
{
    /// <summary>The names of the sample check's pipeline steps, so tests can find them in the driver's tracked steps.</summary>
    internal static class SampleTrackingNames
    {
        public const string SampleTexts = nameof(SampleTexts);
        public const string SampleExpectations = nameof(SampleExpectations);
        public const string SampleSources = nameof(SampleSources);
        public const string SamplePages = nameof(SamplePages);
        public const string SampledTypes = nameof(SampledTypes);
        public const string ItemTypes = nameof(ItemTypes);
        public const string SampleJobs = nameof(SampleJobs);
        public const string SampleChecks = nameof(SampleChecks);
        public const string ScraperEncodings = nameof(ScraperEncodings);
        public const string CrawlEdges = nameof(CrawlEdges);
        public const string PageEncodings = nameof(PageEncodings);
    }
}
