using DeclarativeScrape.Generators.Selectors;

namespace DeclarativeScrape.Tests.Selectors;

/// <summary>Which attributes a selector tests, as the generator tells the crawl's parser.</summary>
public sealed class SelectorAttributeNamesTests
{
    [Theory]
    [InlineData("li.next a", "class")]
    [InlineData("#main > p", "id")]
    [InlineData("a[href]", "href")]
    [InlineData("a[REL~=next i]", "rel")]
    [InlineData("input[ type = 'hidden' ]", "type")]
    [InlineData("div#a.b[data-x|='y']", "class,data-x,id")]
    [InlineData("ul.breadcrumb li:nth-child(3) a", "class")]
    [InlineData("li:nth-child(2n+1 of .item)", "class")]
    [InlineData("p:not([hidden]):first-of-type", "hidden")]
    [InlineData("tr:has(> th:contains('UPC')) > td", "")]
    [InlineData("div:is(.a, #b) :where([lang]) p:empty", "class,id,lang")]
    [InlineData("h1", "")]
    public void Collects_the_tested_attributes(string selector, string expected)
    {
        var reading = SelectorReader.Read(selector);

        reading.ReadsAnyAttribute.ShouldBeFalse();
        string.Join(",", reading.Attributes).ShouldBe(expected);
    }

    [Theory]
    [InlineData("input:checked")]
    [InlineData("a:link")]
    [InlineData("a:any-link")]
    [InlineData("p:lang(en)")]
    [InlineData("p:dir(rtl)")]
    [InlineData("option:default")]
    [InlineData("input:required")]
    [InlineData("p::before")]
    [InlineData("[svg|href]")]
    [InlineData("div:not(:disabled)")]
    public void Says_when_a_match_depends_on_attributes_it_does_not_name(string selector) =>
        SelectorReader.Read(selector).ReadsAnyAttribute.ShouldBeTrue();
}
