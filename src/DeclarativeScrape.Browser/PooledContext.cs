using Microsoft.Playwright;

namespace DeclarativeScrape.Browser;

/// <summary>A browser context of the pool, with the browser it belongs to and the pages it rendered.</summary>
internal sealed class PooledContext(IBrowserContext context, BrowserGeneration browser)
{
    public IBrowserContext Context { get; } = context;

    public BrowserGeneration Browser { get; } = browser;

    public int Renders { get; set; }
}
