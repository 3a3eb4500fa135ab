using DeclarativeScrape.Generators.Tests.Infrastructure;

namespace DeclarativeScrape.Generators.Tests.Fuzzing;

/// <summary>Broken user code (missing arguments, wrong constant kinds, error types, nulls) never crashes the generator or the analyzer.</summary>
public sealed class DefensiveParsingTests
{
    private const string Prelude = "using System; using System.Collections.Generic; using DeclarativeScrape;\n";

    public static TheoryData<string> BrokenSources =>
    [
        "[Page] public partial class P { [Text] public string? A { get; init; } }",
        "[Page] public partial class P { [Text(42)] public string? A { get; init; } }",
        "[Page] public partial class P { [Attr(\"a\")] public string? A { get; init; } }",
        "[Page] public partial class P { [Text(\"a\")] public Missing A { get; init; } }",
        "[Page] public partial class P { [Follow(\"a\")] public Link<Missing>? A { get; init; } }",
        "[Page] public partial class P { [Items(\"a\")] public IReadOnlyList<Missing> A { get; init; } = []; }",
        "[Page] public partial class P { [Text(\"a\"), Convert(typeof(Missing), \"M\")] public int A { get; init; } }",
        "[Page] public partial class P { [Text(\"a\"), Convert(null!, null!)] public int A { get; init; } }",
        "[Page] public partial class P { [Text(\"a\"), Match(null!)] public string? A { get; init; } }",
        "[Page] public partial class P { [Text(\"a\"), Format(null!)] public DateTime? A { get; init; } }",
        "[Page] public partial class P { [Text(\"a\")] public string? this[int i] { get => null; set { } } }",
        "[Page] public partial class P { [Text(\"a\")] public static string? A { get; set; } }",
        "[Page] public partial class P<T> { [Text(\"a\")] public string? A { get; init; } }",
        "[Page] public abstract partial class P { [Text(\"a\")] public string? A { get; init; } }",
        "[Page] public static partial class P { }",
        "[Page, Page] public partial class P { }",
        "[Scraper] public static partial class S;",
        "[Scraper(StartUrl = null, StartUrls = null, StartPage = null)] public static partial class S;",
        "[Scraper(StartUrls = new string[] { null!, \"\" }, StartPage = typeof(Missing))] public static partial class S;",
        "[Scraper(StartUrl = \"http://a/\", StartPage = typeof(List<>))] public static partial class S;",
        "[Scraper(StartUrl = \"http://a/\", StartPage = typeof(P))] [AllowedHosts(null!)] [Header(null!, null!)] [UserAgent(null!)] public static partial class S; [Page, Item] public partial class P { }",
        "[Scraper(StartUrl = \"http://a/\", StartPage = typeof(P))] [AllowedHosts(\"a\", null!)] [Retry(StatusCodes = null)] [RateLimit(RequestsPerSecond = double.NaN)] [Timeouts(RequestSeconds = double.PositiveInfinity)] public static partial class S; [Page, Item] public partial class P { }",
        "[Scraper(StartUrl = \"http://a/\", StartPage = typeof(P))] public static partial class S<T>; [Page, Item] public partial class P { }",
        "[Scraper(StartUrl = \"http://a/\", StartPage = typeof(P))] public static partial class S; [Page] public partial class P { [Follow(\"a\")] public Link<P> Self { get; init; } }",
        "public partial class Outer<T> { [Page, Item] public partial class P { } }",
        "[Page] public partial class P { [Text(\"a\")] public string? A { get; init; } [Text(\"b\")] public string? A2 { get; init; } } [Page] public partial class P { }",
        "[Page] public partial record struct P { }",
        "[Item] public partial interface I { }",
        "[Page] public partial class P { [Text(\"a\")] public IReadOnlyList<IReadOnlyList<int>> A { get; init; } = []; }",
        "[Page] public partial class P { [Items(\"a\")] public P? Self { get; init; } }",
    ];

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task Broken_code_never_crashes_the_generator_or_the_analyzer(string source)
    {
        var run = GeneratorHarness.Run(Prelude + source);

        run.Exception.ShouldBeNull();
        run.Output.GetDiagnostics().Where(d => d.Id is "CS8785" or "AD0001").ShouldBeEmpty();
        var analyzer = await GeneratorHarness.AnalyzeAsync(run.Output);
        analyzer.Where(d => d.Id == "AD0001").ShouldBeEmpty();
    }
}
