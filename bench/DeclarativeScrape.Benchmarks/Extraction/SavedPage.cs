using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>One saved book page: the URL it was fetched from, its HTML, and what a correct extractor finds on it.</summary>
/// <param name="Url">The page URL.</param>
/// <param name="Html">The page's HTML as served.</param>
/// <param name="Truth">The demo site's ground truth for the book.</param>
public sealed record SavedPage(Uri Url, string Html, Book Truth);
