using DeclarativeScrape.CodeFixes;

namespace DeclarativeScrape.Generators.Tests.CodeFixes;

/// <summary>DS0025's fix: Scrapy's <c>::text</c> and <c>::attr()</c> become what the attribute reads.</summary>
public sealed class ScrapyPseudoElementCodeFixTests
{
    private static string Page(string members) => """
        using System.Collections.Generic;
        using DeclarativeScrape;

        [Page, Item]
        public partial record Book
        {
        """ + members + """

        }

        [Scraper(StartUrl = "https://books.example/", StartPage = typeof(Book))]
        public static partial class S;
        """;

    [Theory]
    [InlineData("""    [Text("h1{|DS0025:::text|}")] public string? Title { get; init; }""", """    [Text("h1")] public string? Title { get; init; }""")]
    [InlineData("""    [Text("div.item img{|DS0025:::attr(src)|}")] public string? Cover { get; init; }""", """    [Attr("div.item img", "src")] public string? Cover { get; init; }""")]
    [InlineData("""    [DeclarativeScrape.Text("a{|DS0025:::attr(href)|}")] public string? Url { get; init; }""", """    [DeclarativeScrape.Attr("a", "href")] public string? Url { get; init; }""")]
    [InlineData("""    [Follow("li.next a{|DS0025:::attr(href)|}")] public Link<Book>? Next { get; init; }""", """    [Follow("li.next a")] public Link<Book>? Next { get; init; }""")]
    [InlineData("""    [Follow("li.next a{|DS0025:::attr(data-url)|}")] public Link<Book>? Next { get; init; }""", """    [Follow("li.next a", Attribute = "data-url")] public Link<Book>? Next { get; init; }""")]
    public async Task The_pseudo_element_becomes_what_the_attribute_reads(string before, string after) =>
        await new GeneratorCodeFixTest<ScrapyPseudoElementCodeFix>(Page(before), Page(after)).RunAsync();

    [Fact]
    public async Task Fix_all_fixes_every_property_of_the_document()
    {
        var before = Page("""
                [Text("h1{|DS0025:::text|}")] public string? Title { get; init; }
                [Text("p.price{|DS0025:::text|}")] public string? Price { get; init; }
                [Text("img{|DS0025:::attr(src)|}")] public string? Cover { get; init; }
            """);
        var after = Page("""
                [Text("h1")] public string? Title { get; init; }
                [Text("p.price")] public string? Price { get; init; }
                [Attr("img", "src")] public string? Cover { get; init; }
            """);

        await new GeneratorCodeFixTest<ScrapyPseudoElementCodeFix>(before, after).RunAsync();
    }
}
