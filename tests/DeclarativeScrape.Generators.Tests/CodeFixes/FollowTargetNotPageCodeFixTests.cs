using DeclarativeScrape.CodeFixes;

namespace DeclarativeScrape.Generators.Tests.CodeFixes;

/// <summary>DS0004's fix: the type a <c>[Follow]</c> leads to is marked <c>[Page]</c>.</summary>
public sealed class FollowTargetNotPageCodeFixTests
{
    private static string Source(string author, string follow = """[Follow("a.author")] public {|DS0004:Link<Author>?|} Writer { get; init; }""") => """
        using DeclarativeScrape;

        [Page, Item]
        public partial record Book
        {
            [Text("h1")] public string? Title { get; init; }
            
        """ + follow + """

        }

        """ + author + """

        [Scraper(StartUrl = "https://books.example/", StartPage = typeof(Book))]
        public static partial class S;
        """;

    [Fact]
    public async Task A_type_without_attributes_gets_a_page_attribute_of_its_own()
    {
        const string before = """
            // An author's page.
            public partial record Author
            {
                [Text("h1")] public string? Name { get; init; }
            }
            """;
        const string after = """
            // An author's page.
            [Page]
            public partial record Author
            {
                [Text("h1")] public string? Name { get; init; }
            }
            """;

        await new GeneratorCodeFixTest<FollowTargetNotPageCodeFix>(Source(before), Source(after, """[Follow("a.author")] public Link<Author>? Writer { get; init; }""")).RunAsync();
    }

    [Fact]
    public async Task An_item_type_becomes_page_and_item()
    {
        const string before = """
            [Item]
            public partial record Author
            {
                [Text("h1")] public string? Name { get; init; }
            }
            """;
        const string after = """
            [Page, Item]
            public partial record Author
            {
                [Text("h1")] public string? Name { get; init; }
            }
            """;

        await new GeneratorCodeFixTest<FollowTargetNotPageCodeFix>(Source(before), Source(after, """[Follow("a.author")] public Link<Author>? Writer { get; init; }""")).RunAsync();
    }
}
