using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Browser.Tests;

/// <summary>One demo script shop and one Chromium renderer for the tests of a collection (Chromium takes a second or two to start).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const int Products = 60;

    public ScriptShopSite Site { get; private set; } = default!;

    public ChromiumRenderer Renderer { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Site = await ScriptShopSite.StartAsync(new ScriptShopSiteOptions { ProductCount = Products });
        Renderer = new ChromiumRenderer(new ChromiumOptions { MaxConcurrency = 4 });
    }

    public async Task DisposeAsync()
    {
        await Renderer.DisposeAsync();
        await Site.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
