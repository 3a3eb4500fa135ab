using DeclarativeScrape.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Tests.Diagnostics;

/// <summary>
/// A mistake gives its own diagnostic and nothing else: a type-level error in a type a scraper reaches leaves the
/// scraper's members in place (no CS0117 at every use, no CS errors inside generated files), and DS0018 is withheld only
/// for the scraper whose own graph has an error.
/// </summary>
public sealed class NoCascadeTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using DeclarativeScrape;

        """;

    // Every member a user calls on a scraper and on its item type, as the README shows them.
    private const string Uses = """

        public static class Uses
        {
            public static object Plan() => S.Plan;
            public static object Options() => S.CreateOptions();
            public static async Task Run()
            {
                await foreach (var item in S.RunAsync())
                {
                    _ = item;
                }

                _ = await S.ScrapeAsync(S.CreateOptions());
                _ = S.Start(S.CreateOptions());
            }
        }
        """;

    private const string Scraper = """

        [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(P))]
        public static partial class S;
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "DS0001", "page not partial", "[Page, Item] public class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0001", "page nested in a type that is not partial", "public class Outer { [Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(Outer.P))] public static partial class S;" },
        { "DS0020", "positional record page", "[Page, Item] public partial record P(string X) { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0020", "page with a required member without attribute", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } public required int N { get; init; } }" + Scraper },
        { "DS0020", "generic item under [Items]", "[Page, Item] public partial class P { [Items(\"li\")] public IReadOnlyList<R<int>> Rs { get; init; } = []; }\n[Item] public partial class R<T> { [Text(\"b\")] public string? B { get; init; } }" + Scraper },
        { "DS0020", "abstract item under [Items]", "[Page, Item] public partial class P { [Items(\"li\")] public IReadOnlyList<R> Rs { get; init; } = []; }\n[Item] public abstract partial class R { [Text(\"b\")] public string? B { get; init; } }" + Scraper },
        { "DS0020", "required abstract item under [Items]", "[Page, Item] public partial class P { [Items(\"li\")] public required R One { get; init; } }\n[Item] public abstract partial class R { [Text(\"b\")] public string? B { get; init; } }" + Scraper },
        { "DS0001", "item under [Items] not partial", "[Page, Item] public partial class P { [Items(\"li\")] public IReadOnlyList<R> Rs { get; init; } = []; }\n[Item] public class R { [Text(\"b\")] public string? B { get; init; } }" + Scraper },
        { "DS0001", "followed page not partial", "[Page, Item] public partial class P { [Follow(\"a\")] public IReadOnlyList<Link<Q>> Qs { get; init; } = []; }\n[Page, Item] public class Q { [Text(\"b\")] public string? B { get; init; } }" + Scraper },
        { "DS0020", "followed page is a positional record", "[Page] public partial class P { [Follow(\"a\")] public IReadOnlyList<Link<Q>> Qs { get; init; } = []; }\n[Page, Item] public partial record Q(int X) { [Text(\"b\")] public string? B { get; init; } }" + Scraper },
        { "DS0001", "one of several item types not partial", "[Page, Item] public partial class P { [Follow(\"a\")] public IReadOnlyList<Link<Q>> Qs { get; init; } = []; }\n[Page, Item] public class Q { [Text(\"b\")] public string? B { get; init; } }" + Scraper + "\npublic static class Matches { public static async Task M() { await foreach (var i in S.RunAsync()) { _ = i.Match(p => 1, q => 2); } } }" },
        { "DS0019", "scraper not static", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))] public partial class S { }" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_type_level_error_is_the_only_error_of_the_build(string id, string because, string source)
    {
        var run = GeneratorHarness.Run(Prelude + source + Uses);

        run.Exception.ShouldBeNull();
        run.Reported.Select(d => d.Id).ShouldBe([id], because);
        run.CompilationDiagnostics.Select(d => d.ToString()).ShouldBeEmpty(because + ": the scraper's members exist whatever the state of the types it reaches");
    }

    [Fact]
    public void DS0018_is_withheld_only_for_the_scraper_whose_graph_has_an_error()
    {
        var run = GeneratorHarness.Run(Prelude + """
            [Page] public partial class Home { [Follow("a[")] public Link<Book>? Next { get; init; } }
            [Page, Item] public partial class Book { [Text("h1")] public string? T { get; init; } }
            [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(Home))] public static partial class Broken;

            [Page] public partial class Lonely { [Text("h1")] public string? T { get; init; } }
            [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(Lonely))] public static partial class NoItems;
            """);

        run.Reported.Select(d => d.Id).Order().ShouldBe(["DS0002", "DS0018"]);
        run.Reported.Single(d => d.Id == "DS0018").GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldStartWith("Scraper 'NoItems'");
    }

    [Fact]
    public void A_scraper_that_reaches_no_item_type_still_has_its_members()
    {
        var run = GeneratorHarness.Run(Prelude + "[Page] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper + Uses);

        run.Reported.Select(d => d.Id).ShouldBe(["DS0018"]);
        run.CompilationDiagnostics.Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("@\"div.product\n    h1[\"", "div.product\\n    h1[")]
    [InlineData("\"h1\\r\\n[\"", "h1\\r\\n[")]
    [InlineData("\"h1\\0[\"", "h1\\0[")]
    [InlineData("\"h1\\u202E[\"", "h1\\u202E[")]
    public void A_quoted_selector_is_one_line_with_its_control_characters_escaped(string literal, string quoted)
    {
        var source = Prelude + "[Page, Item] public partial class P { [Text(" + literal + ")] public string? T { get; init; } }" + Scraper;

        var diagnostic = GeneratorHarness.Run(source).Reported.ShouldHaveSingleItem();
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        diagnostic.Id.ShouldBe("DS0002");
        message.ShouldStartWith("The selector '" + quoted + "' of 'T' is not valid CSS: ");
        message.ShouldNotContain('\n');
        message.ShouldNotContain('\r');
        message.ShouldNotContain('\0');
        message.ShouldNotContain('\u202E');
        diagnostic.ToString().Split('\n').ShouldHaveSingleItem("the build output keeps the location, the reason and the id on one line");
    }

    [Fact]
    public void A_huge_selector_is_shortened_in_the_message_and_keeps_its_reason()
    {
        var selector = string.Concat(Enumerable.Repeat("div > ", 3_000)) + "p[";

        var diagnostic = GeneratorHarness.Run(Prelude + "[Page, Item] public partial class P { [Text(\"" + selector + "\")] public string? T { get; init; } }" + Scraper).Reported.ShouldHaveSingleItem();
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        selector.Length.ShouldBeGreaterThan(18_000);
        message.Length.ShouldBeLessThan(500);
        message.ShouldContain("more characters)");
        message.ShouldEndWith("unclosed attribute selector '[': expected ']'");
        message.ShouldContain("div > p['");
    }
}
