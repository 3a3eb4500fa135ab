using System.Text;
using DeclarativeScrape.Tests.EndToEnd;
using Xunit.Abstractions;

namespace DeclarativeScrape.Tests.Html;

/// <summary>
/// A page type whose selectors may match <c>&lt;html&gt;</c>, <c>&lt;head&gt;</c> or <c>&lt;body&gt;</c> themselves (a
/// page-level <c>:scope</c> is listed as <c>:root</c>) gets their whole content on the compact path: the first version
/// dropped it (found by the end-to-end <c>ScopeSelectorCrawlTests</c>).
/// </summary>
public sealed class PrunedDocumentRootTests(ITestOutputHelper output)
{
    [Fact]
    public void A_listing_read_from_its_root_extracts_the_same_on_both_paths()
    {
        var html = """<html lang="fr"><body><article class="product" data-sku="C3"></article><article class="product"><h3>No SKU</h3></article></body></html>""";
        var pageType = SkuScraper.Plan.Pages[0];
        output.WriteLine(string.Join(" | ", pageType.Selectors ?? []));
        var worker = new ParseWorker();
        var compact = worker.Extract(Encoding.UTF8.GetBytes(html), "text/html", new Uri("http://127.0.0.1/bad"), pageType);
        output.WriteLine($"compact {worker.LastCompact} has {compact.HasItem} failures {string.Join(";", compact.Failures)} error {compact.Error}");
        var full = new PageType<SkuListing>(pageType.Type, pageType.Name, pageType.Extract, pageType.IsItem) { ReadAttributes = pageType.ReadAttributes };
        var expected = new ParseWorker().Extract(Encoding.UTF8.GetBytes(html), "text/html", new Uri("http://127.0.0.1/bad"), full);
        output.WriteLine($"full has {expected.HasItem} failures {string.Join(";", expected.Failures)}");
        worker.LastCompact.ShouldBe(TreeFallback.None);
        compact.HasItem.ShouldBe(expected.HasItem);
        compact.Failures.Select(f => f.ToString()).ShouldBe(expected.Failures.Select(f => f.ToString()));
    }
}
