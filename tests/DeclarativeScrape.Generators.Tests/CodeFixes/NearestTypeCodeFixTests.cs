using DeclarativeScrape.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace DeclarativeScrape.Generators.Tests.CodeFixes;

/// <summary>DS0003's fix: the property's type becomes the nearest type its attribute can fill.</summary>
public sealed class NearestTypeCodeFixTests
{
    private static string Page(string properties) => """
        using System.Collections.Generic;
        using DeclarativeScrape;

        [Page, Item]
        public partial record Book
        {
            [Text("h1")] public string? Title { get; init; }

        """ + properties + """

        }

        [Scraper(StartUrl = "https://books.example/", StartPage = typeof(Book))]
        public static partial class S;
        """;

    [Theory]
    [InlineData("""[Follow("li.next a")] public {|DS0003:Book|} Next { get; init; }""", """[Follow("li.next a")] public Link<Book> Next { get; init; }""")]
    [InlineData("""[Follow("li.next a")] public {|DS0003:Book?|} Next { get; init; }""", """[Follow("li.next a")] public Link<Book>? Next { get; init; }""")]
    [InlineData("""[Follow("a.related")] public {|DS0003:IReadOnlyList<Book>|} Related { get; init; } = [];""", """[Follow("a.related")] public IReadOnlyList<Link<Book>> Related { get; init; } = [];""")]
    [InlineData("""[Follow("a.related")] public {|DS0003:List<Book>|} Related { get; init; } = new();""", """[Follow("a.related")] public IReadOnlyList<Link<Book>> Related { get; init; } = [];""")]
    [InlineData("""[Follow("a.related")] public {|DS0003:Book[]|} Related { get; init; } = [];""", """[Follow("a.related")] public IReadOnlyList<Link<Book>> Related { get; init; } = [];""")]
    [InlineData("""[Follow("a.related")] public {|DS0003:List<Link<Book>>|} Related { get; init; } = [];""", """[Follow("a.related")] public IReadOnlyList<Link<Book>> Related { get; init; } = [];""")]
    public async Task A_follow_typed_as_the_page_becomes_a_link_keeping_its_shape(string before, string after) =>
        await new GeneratorCodeFixTest<NearestTypeCodeFix>(Page(before), Page(after)).RunAsync();

    [Fact]
    public async Task A_follow_typed_as_a_page_in_another_namespace_gets_its_name_shortened_as_the_file_allows()
    {
        const string before = """
            using DeclarativeScrape;

            namespace Shop.Pages
            {
                [Page, Item]
                public partial record Book
                {
                    [Text("h1")] public string? Title { get; init; }
                    [Follow("li.next a")] public {|DS0003:Book?|} Next { get; init; }
                }
            }

            [Scraper(StartUrl = "https://books.example/", StartPage = typeof(Shop.Pages.Book))]
            public static partial class S;
            """;
        const string after = """
            using DeclarativeScrape;

            namespace Shop.Pages
            {
                [Page, Item]
                public partial record Book
                {
                    [Text("h1")] public string? Title { get; init; }
                    [Follow("li.next a")] public Link<Book>? Next { get; init; }
                }
            }

            [Scraper(StartUrl = "https://books.example/", StartPage = typeof(Shop.Pages.Book))]
            public static partial class S;
            """;
        await new GeneratorCodeFixTest<NearestTypeCodeFix>(before, after).RunAsync();
    }

    [Fact]
    public async Task Fix_all_turns_every_follow_typed_as_the_page_into_a_link()
    {
        const string before = """
            [Follow("li.next a")] public {|DS0003:Book?|} Next { get; init; }
                [Follow("li.previous a")] public {|DS0003:Book?|} Previous { get; init; }
                [Follow("a.related")] public {|DS0003:List<Book>|} Related { get; init; } = [];
            """;
        const string after = """
            [Follow("li.next a")] public Link<Book>? Next { get; init; }
                [Follow("li.previous a")] public Link<Book>? Previous { get; init; }
                [Follow("a.related")] public IReadOnlyList<Link<Book>> Related { get; init; } = [];
            """;
        await new GeneratorCodeFixTest<NearestTypeCodeFix>(Page(before), Page(after)).RunAsync();
    }

    [Theory]
    // Not a page: Link<Author> would only trade DS0003 for DS0004 (whose own fix marks Author [Page]) or lead nowhere.
    [InlineData("""[Follow("a.author")] public {|DS0003:Author?|} Writer { get; init; }""")]
    [InlineData("""[Follow("li.next a")] public {|DS0003:string?|} Next { get; init; }""")]
    [InlineData("""[Follow("li.next a")] public {|DS0003:System.Uri?|} Next { get; init; }""")]
    public async Task No_fix_when_the_follow_does_not_lead_to_a_page(string property)
    {
        var source = Page(property) + """

            [Item]
            public partial record Author
            {
                [Text("h1")] public string? Name { get; init; }
            }
            """;
        await new GeneratorCodeFixTest<NearestTypeCodeFix>(source, source).RunAsync();
    }
}
