using AngleSharp.Dom;
using DeclarativeScrape.Generators.Selectors;

namespace DeclarativeScrape.Tests.Selectors;

/// <summary>Which selectors the generator reads as exactly <c>:scope</c> (the scope element itself), checked against AngleSharp.</summary>
public sealed class ScopeSelectorTests
{
    [Theory]
    [InlineData(":scope")]
    [InlineData("  :scope\t")]
    [InlineData(":SCOPE")]
    [InlineData(":Scope /* the item itself */")]
    [InlineData(@":sc\6f pe")]
    public void Is_scope_and_AngleSharp_matches_the_scope_element_with_it(string selector)
    {
        SelectorReader.Read(selector).IsScope.ShouldBeTrue();

        using var document = ExtractionDocument.ParseHtml("<html><body><article id=a><p>x</p></article></body></html>");
        var article = document.GetElementById("a")!;
        var parsed = ExtractionSelectors.Parse(selector);
        parsed.ShouldNotBeOfType<InvalidSelector>();
        parsed.Match(article, article).ShouldBeTrue("AngleSharp reads it as :scope too");
        parsed.Match(article.FirstElementChild!, article).ShouldBeFalse();
        ExtractionQuery.ScopeElement(article).ShouldBeSameAs(article);
        ExtractionQuery.ScopeElement(document).ShouldBeSameAs(document.DocumentElement);
    }

    [Theory]
    [InlineData(":scope > h3")]
    [InlineData(":scope h3")]
    [InlineData(":scope, a")]
    [InlineData("a:scope")]
    [InlineData(":is(:scope)")]
    [InlineData(": scope")]
    [InlineData("::scope")]
    [InlineData(":scope-x")]
    [InlineData(":root")]
    [InlineData("")]
    public void Only_contains_scope_or_is_something_else(string selector)
    {
        SelectorReader.Read(selector).IsScope.ShouldBeFalse();
    }
}
