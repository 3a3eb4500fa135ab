using DeclarativeScrape.Generators.Tests.Infrastructure;

namespace DeclarativeScrape.Generators.Tests.Diagnostics;

/// <summary>
/// The diagnostics of counts, text shaping, output rules, link rules, data across pages, sitemaps and request control:
/// each one's ID on the exact span, and nothing else reported.
/// </summary>
public sealed class LanguageDiagnosticTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using DeclarativeScrape;

        """;

    private const string Scraper = """

        [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(P))]
        public static partial class S;
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "DS0003", "count as a string", "[Page, Item] public partial class P { [Count(\"h2\")] public [|string|] T { get; init; } = \"\"; }" + Scraper },
        { "DS0003", "count as a nullable int", "[Page, Item] public partial class P { [Count(\"h2\")] public [|int?|] T { get; init; } }" + Scraper },
        { "DS0002", "count with a bad selector", "[Page, Item] public partial class P { [Count([|\"\"|])] public int T { get; init; } }" + Scraper },
        { "DS0022", "trim without a source", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } [[|Trim(\"#\")|]] public string? U { get; init; } }" + Scraper },
        { "DS0022", "split on a link", "[Page, Item] public partial class P { [Follow(\"a\"), [|Split(\"/\", 0)|]] public Link<P>? Next { get; init; } }" + Scraper },
        { "DS0022", "replace on a count", "[Page, Item] public partial class P { [Count(\"a\"), [|Replace(\"a\", \"b\")|]] public int N { get; init; } }" + Scraper },
        { "DS0045", "replace of nothing", "[Page, Item] public partial class P { [Text(\"h1\"), Replace([|\"\"|], \"x\")] public string? T { get; init; } }" + Scraper },
        { "DS0045", "replace with null", "[Page, Item] public partial class P { [Text(\"h1\"), Replace(\"a\", [|null!|])] public string? T { get; init; } }" + Scraper },
        { "DS0045", "split on nothing", "[Page, Item] public partial class P { [Text(\"h1\"), Split([|\"\"|], 1)] public string? T { get; init; } }" + Scraper },
        { "DS0045", "split keeping no part", "[Page, Item] public partial class P { [Text(\"h1\"), Split(\" \", 0, Count = [|0|])] public string? T { get; init; } }" + Scraper },
        { "DS0045", "trim of null", "[Page, Item] public partial class P { [Text(\"h1\"), Trim([|null!|])] public string? T { get; init; } }" + Scraper },
        { "DS0046", "ignored when null", "[Page, Item] public partial class P { [Text(\"h1\"), JsonIgnore(Condition = [|JsonIgnoreCondition.WhenWritingNull|])] public string? T { get; init; } }" + Scraper },
        { "DS0046", "computed, ignored when default", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } [JsonIgnore(Condition = [|JsonIgnoreCondition.WhenWritingDefault|])] public int N => 1; }" + Scraper },
        { "DS0047", "follow include not a path", "[Page, Item] public partial class P { [Follow(\"a\", Include = [[|\"docs/**\"|]])] public IReadOnlyList<Link<P>> L { get; init; } = []; }" + Scraper },
        { "DS0047", "follow exclude with nested braces", "[Page, Item] public partial class P { [Follow(\"a\", Exclude = new[] { \"**.pdf\", [|\"/{a,{b}}\"|] })] public Link<P>? L { get; init; } }" + Scraper },
        { "DS0047", "follow-links exclude with a fragment", "[Page, Item, FollowLinks(Exclude = [[|\"/a#b\"|]])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0047", "scope path prefix without a slash", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Scope(PathPrefix = [|\"docs/\"|])] public static partial class S;" },
        { "DS0047", "scope include empty", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Scope(Include = [[|\"\"|]])] public static partial class S;" },
        { "DS0004", "follow-links to a type that is not a page", "public class Q { }\n[Page, Item, FollowLinks(To = [|typeof(Q)|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0002", "follow-links with an empty selector", "[Page, Item, FollowLinks(Selector = [|\"\"|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0048", "carry of a property that does not exist", "[Page, Item] public partial class P { [Carried] public string? C { get; init; } [Follow(\"a\", Carry = [[|\"Nope\"|]])] public Link<P>? L { get; init; } }" + Scraper },
        { "DS0048", "carry of a property that is not extracted", "[Page, Item] public partial class P { public string? C { get; init; } [Follow(\"a\", Carry = [[|nameof(C)|]])] public Link<P>? L { get; init; } }" + Scraper },
        { "DS0048", "carry of a list", "[Page, Item] public partial class P { [Text(\"li\")] public IReadOnlyList<string> C { get; init; } = []; [Follow(\"a\", Carry = [[|nameof(C)|]])] public Link<P>? L { get; init; } }" + Scraper },
        { "DS0048", "follow-links carry of a converter's type", "public record struct Grams(int Value); public static class Units { public static Grams Parse(string s) => new(1); }\n[Page, Item, FollowLinks(Carry = [[|\"W\"|]])] public partial class P { [Text(\"b\"), Convert(typeof(Units), nameof(Units.Parse))] public Grams W { get; init; } }" + Scraper },
        { "DS0051", "page header name with a space", "[Page, Item, Header([|\"X Key\"|], \"v\")] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0051", "page header value with a line break", "[Page, Item, Header(\"X-Key\", [|\"a\\nb\"|])] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0052", "sitemap of a type that is not a page", "public class Q { }\n[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Sitemap([|typeof(Q)|])] public static partial class S;" },
        { "DS0052", "two sitemaps for one page type", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Sitemap(typeof(P)), Sitemap([|typeof(P)|], Url = \"/s.xml\")] public static partial class S;" },
        { "DS0052", "sitemap url neither absolute nor a path", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Sitemap(typeof(P), Url = [|\"sitemap.xml\"|])] public static partial class S;" },
        { "DS0047", "sitemap include pattern", "[Page, Item] public partial class P { [Text(\"h1\")] public string? T { get; init; } }\n[Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))]\n[Sitemap(typeof(P), Include = [[|\"p/*\"|]])] public static partial class S;" },
        { "DS0003", "carried list", "[Page, Item] public partial class P { [Carried] public [|IReadOnlyList<string>|] C { get; init; } = []; }" + Scraper },
        { "DS0022", "match on a carried value", "[Page, Item] public partial class P { [Carried, [|Match(\"x\")|]] public string? C { get; init; } }" + Scraper },
    };

    public static TheoryData<string, string, string> AnalyzerCases => new()
    {
        { "DS0049", "carried to a page without the property", "[Page, Item] public partial class P { [Text(\"h1\")] public string? C { get; init; } [[|Follow(\"a\", Carry = [nameof(C)])|]] public IReadOnlyList<Link<Q>> Qs { get; init; } = []; }\n[Page, Item] public partial class Q { [Text(\"h1\")] public string? T { get; init; } }" + Scraper },
        { "DS0049", "carried to a property of another type", "[Page, Item] public partial class P { [Text(\"h1\")] public string? C { get; init; } [[|Follow(\"a\", Carry = [nameof(C)])|]] public IReadOnlyList<Link<Q>> Qs { get; init; } = []; }\n[Page, Item] public partial class Q { [Carried] public int? C { get; init; } }" + Scraper },
        { "DS0050", "required but not carried by a link", "[Page, Item] public partial class P { [[|Follow(\"a\")|]] public IReadOnlyList<Link<Q>> Qs { get; init; } = []; }\n[Page, Item] public partial class Q { [Carried] public required string C { get; init; } }" + Scraper },
        { "DS0050", "required on the start page", "[Page, Item] public partial class P { [Carried] public required string C { get; init; } }\n[[|Scraper(StartUrl = \"http://127.0.0.1/\", StartPage = typeof(P))|]]\npublic static partial class S;" },
    };

    [Theory]
    [MemberData(nameof(AnalyzerCases))]
    public async Task Analyzer_reports_the_id_on_the_exact_span(string id, string because, string markup)
    {
        var parsed = Markup.Parse(Prelude + markup);

        var run = GeneratorHarness.Run(parsed.Source);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(run.Output);

        run.Reported.ShouldBeEmpty(because);
        var diagnostic = diagnostics.Where(d => d.Id.StartsWith("DS", StringComparison.Ordinal)).ShouldHaveSingleItem(because);
        diagnostic.Id.ShouldBe(id, because);
        parsed.Source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).ShouldBe(parsed.Marked, because);
        diagnostic.Descriptor.HelpLinkUri.ShouldEndWith("docs/diagnostics/" + id + ".md");
    }

    [Fact]
    public async Task A_header_on_a_page_type_is_its_own_not_a_scraper_setting_out_of_place()
    {
        var run = GeneratorHarness.Run(Prelude + "[Page, Item, Header(\"Referer\", \"http://127.0.0.1/\")] public partial class P { [Text(\"h1\")] public string? T { get; init; } }" + Scraper);

        run.Reported.ShouldBeEmpty();
        run.CompilationDiagnostics.ShouldBeEmpty();
        (await GeneratorHarness.AnalyzeAsync(run.Output)).Where(d => d.Id.StartsWith("DS", StringComparison.Ordinal)).ShouldBeEmpty();
        run.Files.Single(f => f.HintName == "S.g.cs").Source.ShouldContain("Headers = new global::System.Collections.Generic.KeyValuePair<string, string>[] { new(\"Referer\", \"http://127.0.0.1/\") }");
    }

    [Fact]
    public async Task A_header_on_a_nested_item_type_is_still_a_scraper_setting_out_of_place()
    {
        var parsed = Markup.Parse(Prelude + "[Page, Item] public partial class P { [Items(\"li\")] public IReadOnlyList<R> Rs { get; init; } = []; }\n[Item, [|Header(\"X-A\", \"b\")|]] public partial class R { [Text(\"b\")] public string? B { get; init; } }" + Scraper);
        var run = GeneratorHarness.Run(parsed.Source);

        var diagnostic = (await GeneratorHarness.AnalyzeAsync(run.Output)).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("DS0023");
        diagnostic.Location.SourceSpan.ShouldBe(parsed.Span);
    }

    [Fact]
    public async Task Values_carried_by_every_link_to_a_page_and_received_with_their_type_report_nothing()
    {
        var run = GeneratorHarness.Run(Prelude + "[Page, Item] public partial class P { [Text(\"h1\")] public required string C { get; init; } [Text(\"b\")] public int? N { get; init; } [Follow(\"a\", Carry = [nameof(C), nameof(N)])] public IReadOnlyList<Link<Q>> Qs { get; init; } = []; }\n[Page, Item, FollowLinks(Carry = [\"C\"])] public partial class Q { [Carried] public required string C { get; init; } [Carried] public int? N { get; init; } }" + Scraper);

        run.Reported.ShouldBeEmpty();
        run.CompilationDiagnostics.ShouldBeEmpty();
        (await GeneratorHarness.AnalyzeAsync(run.Output)).Where(d => d.Id.StartsWith("DS", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_reports_the_id_on_the_exact_span(string id, string because, string markup)
    {
        var parsed = Markup.Parse(Prelude + markup);

        var run = GeneratorHarness.Run(parsed.Source);

        run.Exception.ShouldBeNull();
        var diagnostic = run.Reported.ShouldHaveSingleItem(because);
        diagnostic.Id.ShouldBe(id, because);
        parsed.Source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).ShouldBe(parsed.Marked, because);
        diagnostic.Descriptor.HelpLinkUri.ShouldEndWith("docs/diagnostics/" + id + ".md");
        run.CompilationDiagnostics.ShouldBeEmpty(because + ": the rest is generated, so the build shows this error alone");
    }

    [Fact]
    public void Text_shaping_in_any_order_of_attributes_applies_replace_then_split_then_trim()
    {
        var run = GeneratorHarness.Run(Prelude + "[Page, Item] public partial class P { [Trim(\"#\"), Split(\" \", 1), Replace(\"-\", \" \"), Text(\"h1\")] public string? T { get; init; } }" + Scraper);

        run.Reported.ShouldBeEmpty();
        var file = run.Files.Single(f => f.HintName == "P.g.cs").Source;
        var replace = file.IndexOf("text.Replace(\"-\", \" \"", StringComparison.Ordinal);
        var split = file.IndexOf("TextShaping.TrySplit(text", StringComparison.Ordinal);
        var trim = file.IndexOf("TextShaping.Trim(part, \"#\")", StringComparison.Ordinal);
        replace.ShouldBeGreaterThan(0);
        split.ShouldBeGreaterThan(replace);
        trim.ShouldBeGreaterThan(split);
    }
}
