namespace DeclarativeScrape.DemoSites;

/// <summary>A product as the content builds it.</summary>
internal sealed record ScriptProductEntry(int Id, string Title, decimal Price, string Sku, bool ScriptOnly);
