using DeclarativeScrape;

namespace DeclarativeScrape.Tests;

public sealed class ExtractionContextTests
{
    [Theory]
    [InlineData("../product/3.html", "http://127.0.0.1:5080/product/3.html")]
    [InlineData("  page-2.html  ", "http://127.0.0.1:5080/catalogue/page-2.html")]
    [InlineData("https://other.example/a#frag", "https://other.example/a")]
    [InlineData("//cdn.example/x.png", "http://cdn.example/x.png")]
    public void Relative_links_resolve_against_the_base_url_without_fragment(string href, string expected)
    {
        var context = new ExtractionContext(new Uri("http://127.0.0.1:5080/catalogue/page-1.html"));

        context.TryResolveUrl(href, out var url).ShouldBeTrue();

        url!.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("javascript:void(0)")]
    [InlineData("http://[::1")]
    public void Non_http_and_malformed_links_do_not_resolve_but_are_recorded(string href)
    {
        var context = new ExtractionContext(new Uri("http://127.0.0.1:5080/a/b.html"));

        context.TryResolveUrl(href, out _).ShouldBeFalse();
        context.AddLink<object>("Next", href, out _).ShouldBeFalse();

        context.Links.ShouldHaveSingleItem().Url.ShouldBeNull();
    }

    [Fact]
    public void Failures_inside_nested_items_name_the_path()
    {
        var context = new ExtractionContext(new Uri("http://127.0.0.1/p.html"));

        context.EnterNested("Reviews", 2);
        context.AddFailure("Author", "span.author", "no element matched");
        context.ExitNested();
        context.AddFailure("Price", "p.price", "'abc' is not a decimal");

        context.Failures.Select(f => f.Property).ShouldBe(["Reviews[2].Author", "Price"]);
        context.Failures[0].ToString().ShouldBe("http://127.0.0.1/p.html: Reviews[2].Author (selector 'span.author'): no element matched");
    }
}
