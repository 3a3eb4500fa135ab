using DeclarativeScrape.Generators.Selectors;

namespace DeclarativeScrape.Tests.Selectors;

/// <summary>
/// Why a selector ending in a pseudo-element is a compile-time error (DS0026): AngleSharp accepts it, and it matches no
/// element of a page. Also which selectors the generator reads as ending in one.
/// </summary>
public sealed class PseudoElementTests
{
    private const string Page = "<html><head><title>t</title></head><body><h1 class=x>Title</h1><p>one<br>two</p><ul><li>a</li></ul></body></html>";

    [Theory]
    [InlineData("p::before")]
    [InlineData("p::after")]
    [InlineData("p::first-line")]
    [InlineData("p::first-letter")]
    [InlineData("p::selection")]
    [InlineData("::before")]
    [InlineData("h1.x::content")]
    [InlineData("li::footnote-call")]
    [InlineData("li::footnote-marker")]
    [InlineData("li::checkmark")]
    [InlineData("li::picker-icon")]
    [InlineData("li::picker(select)")]
    [InlineData("p:before")]
    [InlineData("p:after")]
    [InlineData("p:first-line")]
    [InlineData("p:first-letter")]
    [InlineData("h1, p::before")]
    public void AngleSharp_accepts_it_and_it_matches_nothing(string selector)
    {
        using var document = ExtractionDocument.ParseHtml(Page);
        var parsed = ExtractionSelectors.Parse(selector);

        parsed.ShouldNotBeOfType<InvalidSelector>();
        var reading = SelectorReader.Read(selector);
        reading.Error.ShouldBeNull();
        reading.PseudoElement.ShouldNotBeNull();
        if (!selector.Contains(','))
        {
            ExtractionQuery.All(document, parsed).ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData("p")]
    [InlineData("p:first-child")]
    [InlineData("p:not(:first-child)")]
    [InlineData("li:nth-child(2n+1 of .before)")]
    [InlineData("div:has(> p)")]
    [InlineData("a[title='::before']")]
    public void Other_selectors_have_no_pseudo_element(string selector) =>
        SelectorReader.Read(selector).PseudoElement.ShouldBeNull();

    [Theory]
    [InlineData("h1::text", "h1", null)]
    [InlineData("a.next::attr(href)", "a.next", "href")]
    [InlineData("a::attr( 'data-id' )", "a", "data-id")]
    [InlineData("::text", "", null)]
    public void Scrapy_pseudo_elements_are_recognised(string selector, string css, string? attribute)
    {
        var scrapy = SelectorReader.Read(selector).Scrapy.ShouldNotBeNull();

        selector[..scrapy.Start].Trim().ShouldBe(css);
        scrapy.Attribute.ShouldBe(attribute);
    }

    [Theory]
    [InlineData("h1::text p")]
    [InlineData("a::attr()")]
    [InlineData("h1:text")]
    public void Other_uses_of_text_and_attr_are_not_Scrapy_forms(string selector) =>
        SelectorReader.Read(selector).Scrapy.ShouldBeNull();
}
