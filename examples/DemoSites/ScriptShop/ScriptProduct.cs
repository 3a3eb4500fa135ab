namespace DeclarativeScrape.DemoSites;

/// <summary>A product of <see cref="ScriptShopSite"/>: its ground truth.</summary>
/// <param name="Id">1-based id.</param>
/// <param name="Url">Its page.</param>
/// <param name="Title">Its title (<c>h1.title</c>).</param>
/// <param name="Price">Its price in pounds (<c>p.price</c>, written <c>£12.34</c>).</param>
/// <param name="Sku">Its stock-keeping unit (<c>p.sku</c>).</param>
/// <param name="ScriptOnly">Whether its page builds these values with script (its static HTML has empty elements).</param>
public sealed record ScriptProduct(int Id, Uri Url, string Title, decimal Price, string Sku, bool ScriptOnly);
