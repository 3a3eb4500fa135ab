using DeclarativeScrape.Generators.Tests.Infrastructure;
using DeclarativeScrape.Generators.Tests.Scrapers;

namespace DeclarativeScrape.Generators.Tests.Extraction;

/// <summary>A selector that is exactly <c>:scope</c> reads the scope element itself: a nested item's matched element, a page's <c>&lt;html&gt;</c>.</summary>
public sealed class ScopeSelectorTests
{
    private static readonly Uri ListUrl = new("http://127.0.0.1:5080/products/");
    private static readonly Uri PageUrl = new("http://127.0.0.1:5080/products/1");

    private const string List = """
        <html lang="en-GB"><body>
          <article class="product featured" data-sku="A1" data-price="£9.50"><h3>Anvil</h3><p>heavy</p><div><p>not a child</p></div></article>
          <article class="product" data-sku="B2"><h3>Bolt</h3><div><p>not a child</p></div></article>
          <a class="card" href="1">First <b>card</b></a>
          <a class="card" href="/products/2">Second</a>
        </body></html>
        """;

    [Fact]
    public void Scope_reads_the_attributes_and_text_of_each_nested_items_own_element()
    {
        var page = ProductListPage.Parse(List, ListUrl);

        page.Products.Select(p => (p.Sku, p.Price, p.Name, p.Note)).ShouldBe(
        [
            ("A1", 9.50m, "Anvil", "heavy"),
            ("B2", null, "Bolt", null),
        ], "':scope > p' keeps its meaning: a child of the item's element");
        page.Products[0].Classes.ShouldBe(["product featured"], "a list reading :scope has exactly its one element");
        page.Products[1].Classes.ShouldBe(["product"]);
        page.Products[0].Absent.ShouldBeEmpty("the one element lacks the attribute: the list is empty, not a failure");
    }

    [Fact]
    public void Scope_on_a_page_is_the_document_element()
    {
        ProductListPage.Parse(List, ListUrl).Language.ShouldBe("en-GB");
    }

    [Fact]
    public void Follow_scope_follows_the_items_own_link_and_records_it_under_the_nested_path()
    {
        using var document = ExtractionDocument.ParseHtml(List);
        var context = ExtractionDocument.CreateContext(document, ListUrl);

        var page = ProductListPage.Extract(document, context);

        page.ShouldNotBeNull();
        page.Cards.Select(c => (c.Page.Url.ToString(), c.Label)).ShouldBe(
        [
            ("http://127.0.0.1:5080/products/1", "First card"),
            ("http://127.0.0.1:5080/products/2", "Second"),
        ]);
        context.Links.Select(l => (l.PageType, l.Url?.ToString())).ShouldBe(
        [
            (typeof(ProductPage), "http://127.0.0.1:5080/products/1"),
            (typeof(ProductPage), "http://127.0.0.1:5080/products/2"),
        ]);
    }

    [Fact]
    public void OuterHtml_Html_and_a_text_list_read_the_items_own_element()
    {
        var page = ProductPage.Parse("<html><body><h1>Anvil</h1><ul class=specs><li>weight <b>50 kg</b></li><li>iron</li></ul></body></html>", PageUrl);

        page.Specs.Select(s => (s.Outer, s.Inner)).ShouldBe(
        [
            ("<li>weight <b>50 kg</b></li>", "weight <b>50 kg</b>"),
            ("<li>iron</li>", "iron"),
        ]);
        page.Specs[0].Texts.ShouldBe(["weight 50 kg"]);
    }

    [Fact]
    public void A_required_scope_attribute_missing_on_one_item_is_a_failure_naming_url_property_and_selector()
    {
        var html = List.Replace("data-sku=\"B2\"", string.Empty, StringComparison.Ordinal);

        var exception = Should.Throw<ExtractionException>(() => ProductListPage.Parse(html, ListUrl));

        exception.Failures.Select(f => (f.Url, f.Property, f.Selector, f.Message)).ShouldBe(
        [
            (ListUrl, "Products[1].Sku", ":scope", "the element has no 'data-sku' attribute"),
        ]);
        exception.Message.ShouldContain("Products[1].Sku (selector ':scope'): the element has no 'data-sku' attribute");
    }

    [Fact]
    public void A_required_scope_attribute_missing_on_the_page_is_a_failure_too()
    {
        var exception = Should.Throw<ExtractionException>(() => ProductListPage.Parse("<html><body></body></html>", ListUrl));

        exception.Failures.Select(f => (f.Property, f.Selector, f.Message)).ShouldBe([("Language", ":scope", "the element has no 'lang' attribute")]);
    }

    [Fact]
    public void The_page_reads_the_attributes_its_scope_properties_name()
    {
        var pages = ProductScraper.Plan.Pages;

        pages[0].ReadAttributes.ShouldBe(["class", "data-none", "data-price", "data-sku", "href", "lang"], "lang on <html>; data-sku, data-price, data-none, class on each article; href of each card");
        pages[1].ReadAttributes.ShouldBeNull("[Html] and [OuterHtml] need every attribute");
    }

    [Fact]
    public void A_scope_property_takes_no_place_in_the_selector_set_and_reads_the_scope_element()
    {
        var run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using DeclarativeScrape;

            namespace Cards;

            [Item] public partial class Card
            {
                [Attr(":scope", "data-id")] public required string Id { get; init; }
                [Text("h3")] public string? Title { get; init; }
            }

            [Item] public partial class OnlyScope
            {
                [Text(":scope")] public string? Text { get; init; }
            }
            """);

        run.Reported.ShouldBeEmpty();
        run.CompilationDiagnostics.ShouldBeEmpty();
        var card = run.Files.Single(f => f.HintName == "Cards.Card.g.cs").Source;
        card.ShouldContain("var scopeElement = global::DeclarativeScrape.Generated.ExtractionQuery.ScopeElement(scope);");
        card.ShouldContain("var element = scopeElement;");
        card.ShouldContain("SelectorQuery.First(TitleSelector));");
        card.ShouldNotContain("IdSelector");
        card.ShouldNotContain("IdQuery");
        card.ShouldContain("context.AddFailure(\"Id\", \":scope\", global::DeclarativeScrape.Generated.ExtractionMessages.NoElementMatched);");
        var onlyScope = run.Files.Single(f => f.HintName == "Cards.OnlyScope.g.cs").Source;
        onlyScope.ShouldNotContain("ExtractionQuery.Match", customMessage: "nothing to search for: no walk");
        onlyScope.ShouldNotContain("SelectorSet");
    }
}
