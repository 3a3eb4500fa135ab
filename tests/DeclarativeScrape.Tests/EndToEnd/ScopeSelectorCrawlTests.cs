using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests.EndToEnd;

// Nested items reading their own element with ':scope', crawled for real: the page's parser keeps only the attributes
// its extractors read, so this proves data-sku (on each item's element) and lang (on <html>) are among them.

[Scraper(StartUrl = "http://127.0.0.1:1/", StartPage = typeof(SkuListing))]
[Retry(MaxAttempts = 1)]
public static partial class SkuScraper;

[Page, Item]
public partial record SkuListing
{
    [Attr(":scope", "lang")] public required string Language { get; init; }

    [Items("article.product")] public IReadOnlyList<SkuEntry> Entries { get; init; } = [];

    [Items("a.card")] public IReadOnlyList<SkuCard> Cards { get; init; } = [];
}

[Item]
public partial record SkuEntry
{
    [Attr(":scope", "data-sku")] public required string Sku { get; init; }

    [Text("h3")] public string? Name { get; init; }
}

[Item]
public partial record SkuCard
{
    [Follow(":scope")] public required Link<SkuDetail> Detail { get; init; }
}

[Page]
public partial class SkuDetail
{
    [Text("h1")] public string? Title { get; init; }
}

public sealed class ScopeSelectorCrawlTests
{
    [Fact]
    public async Task Nested_items_read_their_own_attributes_and_follow_their_own_links_in_a_real_crawl()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", """
                  <html lang="en"><body>
                  <article class="product" data-sku="A1" data-unread="x"><h3>Anvil</h3></article>
                  <article class="product" data-sku="B2"><h3>Bolt</h3></article>
                  <a class="card" href="/d/1">one</a><a class="card" href="/d/2">two</a>
                  </body></html>
                  """)
              .MapHtml("/bad", """<html lang="fr"><body><article class="product" data-sku="C3"></article><article class="product"><h3>No SKU</h3></article></body></html>""")
              .MapHtml("/d/1", "<html><body><h1>One</h1></body></html>")
              .MapHtml("/d/2", "<html><body><h1>Two</h1></body></html>");
        await using var engine = Crawls.Engine();
        var options = SkuScraper.CreateOptions();
        options.StartUrls.Clear();
        options.StartUrls.Add(server.Url("/"));
        options.StartUrls.Add(server.Url("/bad"));
        options.Robots.Obey = false;
        options.Engine = engine;
        var run = SkuScraper.Start(options);
        await using var _ = run;

        var events = await run.ReadEventsAsync().ToListAsync().AsTask().WaitAsync(Crawls.Bound);
        var summary = await run.Completion.WaitAsync(Crawls.Bound);

        var listing = events.Select(e => e.TryGetItem(out var item) ? item : null).OfType<SkuListing>().ShouldHaveSingleItem();
        listing.Language.ShouldBe("en");
        listing.Entries.Select(e => (e.Sku, e.Name)).ShouldBe([("A1", "Anvil"), ("B2", "Bolt")]);
        listing.Cards.Select(c => c.Detail.Url).ShouldBe([server.Url("/d/1"), server.Url("/d/2")]);
        var failed = events.Where(e => e.IsOutcome).Select(e => e.Outcome!).Single(o => o.Kind == OutcomeKind.Failed);
        failed.Url.ShouldBe(server.Url("/bad").AbsoluteUri);
        failed.FailureReason.ShouldBe(FailureReason.Extraction);
        var failure = failed.ExtractionFailures.ShouldHaveSingleItem();
        (failure.Url, failure.Property, failure.Selector, failure.Message).ShouldBe((server.Url("/bad"), "Entries[1].Sku", ":scope", "the element has no 'data-sku' attribute"));
        summary.Processed.ShouldBe(3, "the good listing and the two pages its cards link to");
        summary.Failed.ShouldBe(1);
        summary.Items.ShouldBe(1);
        summary.Reconciles.ShouldBeTrue();
        SkuScraper.Plan.Pages[0].ReadAttributes.ShouldBe(["class", "data-sku", "href", "lang"]);
    }
}
