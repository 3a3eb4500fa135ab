namespace DeclarativeScrape;

/// <summary>The page an item was extracted from, as an <see cref="ItemHook{TItem}"/> sees it.</summary>
/// <param name="Url">The page's URL as it was queued (before redirects).</param>
/// <param name="FinalUrl">The URL the page was read from (after redirects; the same as <paramref name="Url"/> without them).</param>
/// <param name="PageType">The name of the page type that extracted it.</param>
/// <param name="Depth">The page's link depth (0 for a start URL).</param>
public readonly record struct ItemSource(Uri Url, Uri FinalUrl, string PageType, int Depth);
