using DeclarativeScrape.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Tests.Diagnostics;

/// <summary>Each diagnostic: its ID and the exact span of the offending argument, and nothing else reported.</summary>
public sealed class DiagnosticSpanTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using DeclarativeScrape;

        """;

    private const string Scraper = """

        [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(P))]
        public static partial class S;
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "DS0001", "type not partial", "[Page, Item] public class [|P|] { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0001", "containing type not partial", "public class Outer { [Page, Item] public partial class [|P|] { [Text(\"h1\")] public string? T { get; init; } } }" },
        { "DS0001", "scraper not partial", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))] public static class [|S|] { }" },
        { "DS0002", "empty selector", "[Page, Item] public partial class P { [Text([|\"\"|])] public string? T { get; init; } }" + Scraper },
        { "DS0002", "null selector", "[Page, Item] public partial class P { [Text([|null!|])] public string? T { get; init; } }" + Scraper },
        { "DS0003", "unsupported type", "[Page, Item] public partial class P { [Text(\"h1\")] public [|List<int>|] T { get; init; } = []; }" + Scraper },
        { "DS0003", "nullable list elements", "[Page, Item] public partial class P { [Text(\"h1\")] public [|IReadOnlyList<int?>|] T { get; init; } = []; }" + Scraper },
        { "DS0003", "follow without Link", "[Page, Item] public partial class P { [Follow(\"a\")] public [|P?|] Next { get; init; } }" + Scraper },
        { "DS0003", "html as int", "[Page, Item] public partial class P { [Html(\"div\")] public [|int|] T { get; init; } }" + Scraper },
        { "DS0004", "follow target not a page", "public class Q { }\n[Page, Item] public partial class P { [Follow(\"a\")] public [|Link<Q>?|] Next { get; init; } }" + Scraper },
        { "DS0005", "items type not an item", "public class Q { }\n[Page, Item] public partial class P { [Items(\"li\")] public [|IReadOnlyList<Q>|] Qs { get; init; } = []; }" + Scraper },
        { "DS0007", "no start page", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[[|Scraper(StartUrl = \"http://127.0.0.1/\")|]] public static partial class S;" },
        { "DS0008", "start page not a page", "public class Q { }\n[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = [|typeof(Q)|])] public static partial class S;" },
        { "DS0009", "relative start url", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = [|\"/catalogue\"|], StartPage = typeof(P))] public static partial class S;" },
        { "DS0009", "ftp start url in StartUrls", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrls = new[] { \"http://127.0.0.1/\", [|\"ftp://127.0.0.1/\"|] }, StartPage = typeof(P))] public static partial class S;" },
        { "DS0010", "per host above max", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Concurrency(Max = 4, PerHost = [|8|])] public static partial class S;" },
        { "DS0010", "per host above default max", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Concurrency(PerHost = [|32|])] public static partial class S;" },
        { "DS0010", "zero rate", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[RateLimit(RequestsPerSecond = [|0|])] public static partial class S;" },
        { "DS0010", "zero burst", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[RateLimit(RequestsPerSecond = 1, Burst = [|0|])] public static partial class S;" },
        { "DS0010", "unknown page encoding", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[PageEncoding([|\"utf-7\"|])] public static partial class S;" },
        { "DS0010", "max delay below base", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Retry(BaseDelayMs = 500, MaxDelayMs = [|100|])] public static partial class S;" },
        { "DS0010", "zero attempts", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Retry(MaxAttempts = [|0|])] public static partial class S;" },
        { "DS0010", "bad status code", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Retry(StatusCodes = new[] { 503, [|42|] })] public static partial class S;" },
        { "DS0010", "negative timeout", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Timeouts(ReadIdleSeconds = [|-1|])] public static partial class S;" },
        { "DS0010", "empty host", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[AllowedHosts(\"127.0.0.1\", [|\" \"|])] public static partial class S;" },
        { "DS0010", "header with newline", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Header(\"X-A\", [|\"a\\r\\nInjected: yes\"|])] public static partial class S;" },
        { "DS0010", "zero response bytes", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Limits(MaxResponseBytes = [|0|])] public static partial class S;" },
        { "DS0010", "body budget below the decompressed cap", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Limits(MaxDecompressedBytes = 32 << 20, BodyBudgetBytes = [|16 << 20|])] public static partial class S;" },
        { "DS0010", "decompressed cap above the default budget", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Limits(MaxDecompressedBytes = [|128L << 20|])] public static partial class S;" },
        { "DS0010", "negative max pages", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Limits(MaxPages = [|-5|])] public static partial class S;" },
        { "DS0011", "bad regex", "[Page, Item] public partial class P { [Text(\"h1\"), Match([|\"(unclosed\"|])] public string? T { get; init; } }" + Scraper },
        { "DS0012", "converter not found", "public static class C { }\n[Page, Item] public partial class P { [Text(\"h1\"), Convert(typeof(C), [|\"Nope\"|])] public int T { get; init; } }" + Scraper },
        { "DS0012", "converter with wrong signature", "public static class C { public static long M(string s) => 0; }\n[Page, Item] public partial class P { [Text(\"h1\"), Convert(typeof(C), [|nameof(C.M)|])] public int T { get; init; } }" + Scraper },
        { "DS0012", "inaccessible converter", "public static class C { private static int M(string s) => 0; }\n[Page, Item] public partial class P { [Text(\"h1\"), Convert(typeof(C), [|\"M\"|])] public int T { get; init; } }" + Scraper },
        { "DS0013", "no setter", "[Page, Item] public partial class P { [Text(\"h1\")] public string? [|T|] { get; } }" + Scraper },
        { "DS0014", "two extraction attributes", "[Page, Item] public partial class P { [Text(\"h1\"), [|Attr(\"a\", \"href\")|]] public string? T { get; init; } }" + Scraper },
        { "DS0015", "format on an int", "[Page, Item] public partial class P { [Text(\"h1\"), [|Format(\"yyyy\")|]] public int T { get; init; } }" + Scraper },
        { "DS0016", "page url on an int", "[Page, Item] public partial class P { [PageUrl] public [|int|] T { get; init; } }" + Scraper },
        { "DS0018", "no item reachable", "[Page] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[[|Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))|]] public static partial class S;" },
        { "DS0019", "scraper not static", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))] public partial class [|S|] { }" },
        { "DS0020", "positional record", "[Page, Item] public partial record [|P|](string X) { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0020", "required member without attribute", "[Page, Item] public partial class [|P|] { [Text(\"h1\")] public string? T { get; init; } public required int N { get; init; } }" + Scraper },
        { "DS0021", "empty attribute name", "[Page, Item] public partial class P { [Attr(\"a\", [|\"\"|])] public string? T { get; init; } }" + Scraper },
        { "DS0021", "follow attribute with a space", "[Page, Item] public partial class P { [Follow(\"a\", Attribute = [|\"data href\"|])] public Link<P>? Next { get; init; } }" + Scraper },
        { "DS0022", "match without source", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } [[|Match(\"x\")|]] public string? U { get; init; } }" + Scraper },
        { "DS0024", "items of the item's own element", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } [Items([|\":scope\"|])] public IReadOnlyList<R> Rs { get; init; } = []; }\n[Item] public partial class R { [Attr(\":scope\", \"id\")] public string? Id { get; init; } }" + Scraper },
        { "DS0025", "Scrapy ::text", "[Page, Item] public partial class P { [Text(\"h1[|::text|]\")] public string? T { get; init; } }" + Scraper },
        { "DS0025", "Scrapy ::attr()", "[Page, Item] public partial class P { [Text(\"a.next[|::attr(href)|]\")] public string? T { get; init; } }" + Scraper },
        { "DS0025", "Scrapy ::attr() on a follow", "[Page, Item] public partial class P { [Follow(\"li.next a[|::attr(href)|]\")] public Link<P>? Next { get; init; } }" + Scraper },
        { "DS0026", "::before", "[Page, Item] public partial class P { [Text(\"p.price[|::before|]\")] public string? T { get; init; } }" + Scraper },
        { "DS0026", "one-colon :after", "[Page, Item] public partial class P { [Text(\"p[|:after|]\")] public string? T { get; init; } }" + Scraper },
        { "DS0026", "pseudo-element in one branch of a list", "[Page, Item] public partial class P { [Text(\"h1, h2[|::first-line|]\")] public string? T { get; init; } }" + Scraper },
        { "DS0027", "empty date format", "[Page, Item] public partial class P { [Text(\"time\"), Format([|\"\"|])] public DateTime? T { get; init; } }" + Scraper },
        { "DS0027", "date format .NET refuses", "[Page, Item] public partial class P { [Text(\"time\"), Format([|\"%\"|])] public DateTimeOffset T { get; init; } }" + Scraper },
        { "DS0024", "one nested item of the scope, spaces around", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } [Items([|\" :scope \"|])] public R? One { get; init; } }\n[Item] public partial class R { [Text(\"b\")] public string? B { get; init; } }" + Scraper },
        { "DS0066", "empty wait selector", "[Page, Item, Render(WaitForSelector = [|\"\"|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0066", "bad click selector", "[Page, Item, Render(ClickSelector = \"button[|[|]\")] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0067", "zero render timeout", "[Page, Item, Render(TimeoutSeconds = [|0|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0067", "max clicks without a click selector", "[Page, Item, Render(MaxClicks = [|3|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0067", "fixed wait as long as the render timeout", "[Page, Item, Render(TimeoutSeconds = 10, WaitSeconds = [|10|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0067", "negative fixed wait", "[Page, Item, Render(WaitSeconds = [|-1|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0067", "empty script condition", "[Page, Item, Render(WaitForScript = [|\" \"|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0067", "undefined render mode", "[Page, Item, Render(Mode = [|(RenderMode)7|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0068", "when needed without required properties", "[Page, Item, Render(Mode = [|RenderMode.WhenNeeded|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0069", "render blocking scripts", "[Page, Item, Render(Block = [|RenderResources.Scripts|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_reports_the_id_on_the_exact_span(string id, string because, string markup)
    {
        var parsed = Markup.Parse(Prelude + markup);

        var run = GeneratorHarness.Run(parsed.Source);

        run.Exception.ShouldBeNull();
        var diagnostic = run.Reported.ShouldHaveSingleItem(because);
        diagnostic.Id.ShouldBe(id, because);
        diagnostic.Location.IsInSource.ShouldBeTrue("a real source location, so #pragma suppresses it");
        parsed.Source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).ShouldBe(parsed.Marked, because);
        diagnostic.Location.SourceSpan.ShouldBe(parsed.Span, because);
        diagnostic.Descriptor.HelpLinkUri.ShouldEndWith("docs/diagnostics/" + id + ".md");
    }

    // Errors in the type or the scraper itself: nothing can be generated for it.
    private static readonly string[] TypeLevelIds = ["DS0001", "DS0007", "DS0008", "DS0018", "DS0019", "DS0020"];

    public static TheoryData<string, string, string> PropertyAndSettingCases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var row in Cases)
        {
            if (!TypeLevelIds.Contains((string)row[0]))
            {
                cases.Add((string)row[0], (string)row[1], (string)row[2]);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(PropertyAndSettingCases))]
    public void An_error_in_one_property_or_setting_is_the_only_error_of_the_build(string id, string because, string markup)
    {
        var source = Markup.Parse(Prelude + markup).Source + """

            public static class Uses
            {
                public static object Plan() => S.Plan;
                public static object Options() => S.CreateOptions();
                public static object Page() => P.Parse("<h1>x</h1>", new Uri("http://127.0.0.1/"));
            }
            """;

        var run = GeneratorHarness.Run(source);

        run.Exception.ShouldBeNull();
        run.Reported.ShouldContain(d => d.Id == id, because);
        run.CompilationDiagnostics.ShouldBeEmpty(because + ": the rest of the scraper and the type is generated, so their uses compile");
    }

    [Theory]
    [InlineData(":scope > li")]
    [InlineData(":scope li")]
    [InlineData("li:not(:scope)")]
    public void Items_whose_selector_only_contains_scope_are_not_DS0024(string selector)
    {
        var run = GeneratorHarness.Run(Prelude + "[Page, Item] public partial class P { [Items(\"" + selector + "\")] public IReadOnlyList<R> Rs { get; init; } = []; }\n[Item] public partial class R { [Text(\"b\")] public string? B { get; init; } }" + Scraper);

        run.Reported.ShouldBeEmpty();
        run.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void DS0024_names_the_selector_and_the_property()
    {
        var run = GeneratorHarness.Run(Prelude + "[Page, Item] public partial class P { [Items(\":scope\")] public IReadOnlyList<R> Rows { get; init; } = []; }\n[Item] public partial class R { [Text(\"b\")] public string? B { get; init; } }" + Scraper);

        var message = run.Reported.ShouldHaveSingleItem().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        message.ShouldStartWith("The [Items] selector ':scope' of 'Rows' selects the element being extracted itself");
    }

    [Fact]
    public void A_required_property_with_an_error_is_set_to_default_so_the_rest_still_compiles()
    {
        var run = GeneratorHarness.Run(Prelude + """
            [Page, Item] public partial class P
            {
                [Text("")] public required string T { get; init; }
                [Text("h1[")] public required int N { get; init; }
                [Text("h2")] public string? U { get; init; }
            }
            public static class Uses { public static object Plan() => S.Plan; }
            """ + Scraper);

        run.Reported.Select(d => d.Id).ShouldBe(["DS0002", "DS0002"]);
        run.CompilationDiagnostics.ShouldBeEmpty();
        var extractor = run.Files.Single(f => f.HintName == "P.g.cs").Source;
        extractor.ShouldContain("T = default!, // its attribute has an error (reported)");
        extractor.ShouldContain("N = default!, // its attribute has an error (reported)");
        extractor.ShouldContain("U = ");
    }

    [Fact]
    public void A_scraper_may_leave_its_start_urls_to_its_runs()
    {
        var run = GeneratorHarness.Run(Prelude + """
            [Page, Item] public partial class P { [Text("h1")] public string? T { get; init; } }
            [Scraper(StartPage = typeof(P))] public static partial class S;
            """);

        run.Reported.ShouldBeEmpty();
        run.CompilationDiagnostics.ShouldBeEmpty();
        run.Files.ShouldContain(f => f.Source.Contains("CreateOptions"));
        run.Files.ShouldAllBe(f => !f.Source.Contains("options.StartUrls.Add"));
    }

    [Fact]
    public void A_follow_link_with_an_error_does_not_also_report_that_the_scraper_reaches_no_item()
    {
        var run = GeneratorHarness.Run(Prelude + """
            [Page] public partial class Home { [Follow("a[")] public Link<P>? Next { get; init; } }
            [Page, Item] public partial class P { [Text("h1")] public string? T { get; init; } }
            [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(Home))] public static partial class S;
            """);

        run.Reported.ShouldHaveSingleItem().Id.ShouldBe("DS0002");
        run.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("[Page, Item] public partial class P { [Items(\"li\")] public IReadOnlyList<R> Rs { get; init; } = []; }\n[Item, [|Render|]] public partial class R { [Text(\"b\")] public string? B { get; init; } }", "R")]
    [InlineData("[[|Render(Mode = RenderMode.WhenNeeded)|]]\npublic static class Helper { }\n[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }", "Helper")]
    public async Task Render_on_a_type_that_is_not_a_page_is_an_error_on_the_attribute(string markup, string type)
    {
        var parsed = Markup.Parse(Prelude + markup + Scraper);
        var run = GeneratorHarness.Run(parsed.Source);

        var diagnostic = (await GeneratorHarness.AnalyzeAsync(run.Output)).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("DS0065");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.Location.SourceSpan.ShouldBe(parsed.Span);
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("[Render] on '" + type + "' has no effect: only a [Page] type is fetched, and so rendered");
        diagnostic.Descriptor.HelpLinkUri.ShouldEndWith("docs/diagnostics/DS0065.md");
    }

    [Theory]
    [InlineData("[[|Concurrency(Max = 4)|]]", "Concurrency")]
    [InlineData("[[|RateLimit(RequestsPerSecond = 2)|]]", "RateLimit")]
    [InlineData("[Item, [|Retry(MaxAttempts = 2)|]]", "Retry")]
    [InlineData("[[|AllowedHosts(\"127.0.0.1\")|]]", "AllowedHosts")]
    [InlineData("[[|Scope(PathPrefix = \"/a/\")|]]", "Scope")]
    public async Task A_scraper_setting_on_a_page_type_is_an_error_on_the_attribute(string attribute, string name)
    {
        var parsed = Markup.Parse(Prelude + attribute + "\n[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper);
        var run = GeneratorHarness.Run(parsed.Source);

        var diagnostic = (await GeneratorHarness.AnalyzeAsync(run.Output)).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("DS0023");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.Location.SourceSpan.ShouldBe(parsed.Span);
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("[" + name + "] on 'P' has no effect: scraper settings apply only to a class marked [Scraper]");
        diagnostic.Descriptor.HelpLinkUri.ShouldEndWith("docs/diagnostics/DS0023.md");
    }

    [Fact]
    public async Task Settings_on_a_scraper_declared_across_partial_declarations_are_not_reported()
    {
        var run = GeneratorHarness.Run(Prelude + """
            [Page, Item] public partial class P { [Text("h1")] public string? T { get; init; } }
            [Concurrency(Max = 4), RateLimit(RequestsPerSecond = 2)] public static partial class S;
            """ + Scraper);

        (await GeneratorHarness.AnalyzeAsync(run.Output)).ShouldBeEmpty();
        run.Reported.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_page_no_scraper_reaches_is_a_warning_on_its_Page_attribute()
    {
        var parsed = Markup.Parse(Prelude + """
            [Page, Item] public partial class P { [Text("h1")] public string? T { get; init; } }
            [[|Page|]] public partial class Orphan { [Text("h1")] public string? T { get; init; } }
            """ + Scraper);
        var run = GeneratorHarness.Run(parsed.Source);

        var diagnostics = await GeneratorHarness.AnalyzeAsync(run.Output);

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("DS0017");
        diagnostic.DefaultSeverity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.Location.SourceSpan.ShouldBe(parsed.Span);
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("Orphan");
    }

    [Fact]
    public async Task Pages_reached_through_links_inside_nested_items_are_not_reported()
    {
        var run = GeneratorHarness.Run(Samples.FollowGraph);

        (await GeneratorHarness.AnalyzeAsync(run.Output)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_any_scraper_no_page_is_reported_unreached()
    {
        var run = GeneratorHarness.Run(Prelude + "[Page] public partial class P { [Text(\"h1\")] public string? T { get; init; } }");

        (await GeneratorHarness.AnalyzeAsync(run.Output)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("DS0002", "The selector '' of 'T' is not valid CSS: the selector is empty", "[Page, Item] public partial class P { [Text(\"\")] public string? T { get; init; } }")]
    [InlineData("DS0010", "Setting 'Concurrency.PerHost' of scraper 'S' cannot work: (8) must not be above Concurrency.Max (4)", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Concurrency(Max = 4, PerHost = 8)] public static partial class S;")]
    [InlineData("DS0009", "The start URL 'mailto:a@b.c' of scraper 'S' is not an absolute http or https URL", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"mailto:a@b.c\", StartPage = typeof(P))] public static partial class S;")]
    [InlineData("DS0012", "The converter 'C.M' of property 'T' has the wrong signature; it must be an accessible 'static int M(string value)' or 'static bool M(string value, out int result)'", "public static class C { public static long M(string s) => 0; }\n[Page, Item] public partial class P { [Text(\"h1\"), Convert(typeof(C), \"M\")] public int T { get; init; } }")]
    public void Messages_name_the_offending_property_selector_url_or_setting(string id, string message, string source)
    {
        var run = GeneratorHarness.Run(Prelude + source + (source.Contains("[Scraper", StringComparison.Ordinal) ? string.Empty : Scraper));

        var diagnostic = run.Reported.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe(id);
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(message);
    }

    [Fact]
    public void Attributes_of_the_same_name_from_another_namespace_are_ignored()
    {
        var run = GeneratorHarness.Run("""
            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class PageAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class TextAttribute : System.Attribute { public TextAttribute(string s) { } }
                [Page] public class NotPartial { [Text("")] public string? T { get; } }
            }
            """);

        run.Exception.ShouldBeNull();
        run.Reported.ShouldBeEmpty();
        run.Files.ShouldBeEmpty();
    }
}
