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

    [Theory]
    [InlineData("""[Text("p.rating")] public {|DS0003:float|} Rating { get; init; }""", """[Text("p.rating")] public double Rating { get; init; }""")]
    [InlineData("""[Text("p.rating")] public {|DS0003:float?|} Rating { get; init; }""", """[Text("p.rating")] public double? Rating { get; init; }""")]
    [InlineData("""[Text("p.stock")] public {|DS0003:short|} Stock { get; init; }""", """[Text("p.stock")] public int Stock { get; init; }""")]
    [InlineData("""[Text("p.stock")] public {|DS0003:byte?|} Stock { get; init; }""", """[Text("p.stock")] public int? Stock { get; init; }""")]
    [InlineData("""[Text("p.stock")] public {|DS0003:uint|} Stock { get; init; }""", """[Text("p.stock")] public long Stock { get; init; }""")]
    [InlineData("""[Text("p.isbn")] public {|DS0003:ulong|} Isbn { get; init; }""", """[Text("p.isbn")] public decimal Isbn { get; init; }""")]
    [InlineData("""[Format("yyyy-MM-dd")][Text("time")] public {|DS0003:System.DateOnly|} Published { get; init; }""", """[Format("yyyy-MM-dd")][Text("time")] public System.DateTime Published { get; init; }""")]
    [InlineData("""[Text("p.grade")] public {|DS0003:char?|} Grade { get; init; }""", """[Text("p.grade")] public string? Grade { get; init; }""")]
    [InlineData("""[Text("p.grade")] public required {|DS0003:char|} Grade { get; init; }""", """[Text("p.grade")] public required string Grade { get; init; }""")]
    [InlineData("""[Text("li.tag")] public {|DS0003:List<string>|} Tags { get; init; } = new();""", """[Text("li.tag")] public IReadOnlyList<string> Tags { get; init; } = [];""")]
    [InlineData("""[Text("li.tag")] public {|DS0003:IEnumerable<string>|} Tags { get; init; } = [];""", """[Text("li.tag")] public IReadOnlyList<string> Tags { get; init; } = [];""")]
    [InlineData("""[Text("li.weight")] public {|DS0003:float[]|} Weights { get; init; } = [];""", """[Text("li.weight")] public IReadOnlyList<double> Weights { get; init; } = [];""")]
    [InlineData("""[Attr("a.cover", "href")] public {|DS0003:List<System.Uri>|} Covers { get; init; } = [];""", """[Attr("a.cover", "href")] public IReadOnlyList<System.Uri> Covers { get; init; } = [];""")]
    [InlineData("""[Html("div.review")] public {|DS0003:List<string>|} Reviews { get; init; } = [];""", """[Html("div.review")] public IReadOnlyList<string> Reviews { get; init; } = [];""")]
    [InlineData("""[Count("li.review")] public {|DS0003:int?|} Reviews { get; init; }""", """[Count("li.review")] public int Reviews { get; init; }""")]
    [InlineData("""[Count("li.review")] public {|DS0003:short|} Reviews { get; init; }""", """[Count("li.review")] public int Reviews { get; init; }""")]
    [InlineData("""[Count("li.review")] public {|DS0003:uint?|} Reviews { get; init; }""", """[Count("li.review")] public long Reviews { get; init; }""")]
    public async Task A_value_type_the_extractor_cannot_fill_becomes_the_nearest_one_that_holds_every_value(string before, string after) =>
        await new GeneratorCodeFixTest<NearestTypeCodeFix>(Page(before), Page(after)).RunAsync();

    [Fact]
    public async Task A_char_becomes_a_required_string_so_that_the_compiler_does_not_warn_it_is_left_null()
    {
        // The fixed code must build without CS8618 (non-nullable property left uninitialized), a warning.
        var test = new GeneratorCodeFixTest<NearestTypeCodeFix>(
            Page("""[Text("p.grade")] public {|DS0003:char|} Grade { get; init; }"""),
            Page("""[Text("p.grade")] public required string Grade { get; init; }"""))
        {
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.DisabledDiagnostics.Add("CS1591"); // the test code has no XML documentation
        await test.RunAsync();
    }

    [Fact]
    public async Task A_list_of_an_enum_keeps_its_element_type()
    {
        const string genre = """

            public enum Genre { Fiction, Poetry }
            """;
        await new GeneratorCodeFixTest<NearestTypeCodeFix>(
            Page("""[Text("li.genre")] public {|DS0003:List<Genre>|} Genres { get; init; } = [];""") + genre,
            Page("""[Text("li.genre")] public IReadOnlyList<Genre> Genres { get; init; } = [];""") + genre).RunAsync();
    }

    [Fact]
    public async Task Fix_all_gives_each_property_its_own_nearest_type()
    {
        const string before = """
            [Text("p.rating")] public {|DS0003:float|} Rating { get; init; }
                [Text("li.tag")] public {|DS0003:List<string>|} Tags { get; init; } = [];
                [Follow("li.next a")] public {|DS0003:Book?|} Next { get; init; }
                [Count("li.review")] public {|DS0003:int?|} Reviews { get; init; }
            """;
        const string after = """
            [Text("p.rating")] public double Rating { get; init; }
                [Text("li.tag")] public IReadOnlyList<string> Tags { get; init; } = [];
                [Follow("li.next a")] public Link<Book>? Next { get; init; }
                [Count("li.review")] public int Reviews { get; init; }
            """;
        await new GeneratorCodeFixTest<NearestTypeCodeFix>(Page(before), Page(after)).RunAsync();
    }

    [Theory]
    // No supported type holds these values: a converter ([Convert]) is the way.
    [InlineData("""[Text("p.duration")] public {|DS0003:System.TimeSpan|} Duration { get; init; }""")]
    [InlineData("""[Text("p.id")] public {|DS0003:System.Guid?|} Id { get; init; }""")]
    [InlineData("""[Text("li.duration")] public {|DS0003:List<System.TimeSpan>|} Durations { get; init; } = [];""")]
    [InlineData("""[Text("dl")] public {|DS0003:Dictionary<string, string>|} Details { get; init; } = [];""")]
    // A list of nullable values: dropping the '?' would change what the list holds.
    [InlineData("""[Text("li.rating")] public {|DS0003:IReadOnlyList<int?>|} Ratings { get; init; } = [];""")]
    [InlineData("""[Text("li.rating")] public {|DS0003:List<int?>|} Ratings { get; init; } = [];""")]
    // [Html] gives text; a number there needs a converter, not another number type.
    [InlineData("""[Html("div.price")] public {|DS0003:int|} Price { get; init; }""")]
    [InlineData("""[Html("div.price")] public {|DS0003:float|} Price { get; init; }""")]
    // A count is an int or a long; no integer type holds a ulong's values, and a count is not text or a fraction.
    [InlineData("""[Count("li")] public {|DS0003:ulong|} Items { get; init; }""")]
    [InlineData("""[Count("li")] public {|DS0003:string|} Items { get; init; } = "";""")]
    [InlineData("""[Count("li")] public {|DS0003:double|} Items { get; init; }""")]
    [InlineData("""[Count("li")] public {|DS0003:IReadOnlyList<int>|} Items { get; init; } = [];""")]
    public async Task No_fix_when_no_supported_type_is_near(string property)
    {
        var source = Page(property);
        await new GeneratorCodeFixTest<NearestTypeCodeFix>(source, source).RunAsync();
    }
}
