namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>Whether the documents an extraction benchmark walks are in the CPU caches.</summary>
public enum DomState
{
    /// <summary>
    /// 1,000 distinct pre-parsed pages, extracted in turn: each DOM (about 140 KB of objects for a demo page) was built
    /// long before and comes from main memory, so walking it is bound by memory latency.
    /// </summary>
    Cold,

    /// <summary>
    /// 1,000 extractions cycling over the first 8 pages: their DOMs stay in cache, as a page does that a crawler's parse
    /// worker has just built and extracts at once. This is the extraction's CPU cost.
    /// </summary>
    Warm,
}
