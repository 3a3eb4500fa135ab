using System.Text.Json;
using System.Text.RegularExpressions;
using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Tests.Processes;

namespace DeclarativeScrape.Examples.Tests.Packaging;

/// <summary>
/// The packages as users get them: a fresh project references <c>DeclarativeScrape.Hosting</c> from a feed, with no
/// project reference into this repository; the generator, its analyzers and the host's runtime settings must all
/// arrive through the packages.
/// </summary>
[Collection(ExampleProcesses.Name)]
public sealed partial class PackageConsumptionTests : IClassFixture<PackedPackages>
{
    private const string Scraper = """
        using DeclarativeScrape;
        using DeclarativeScrape.Hosting;

        return await ScrapeApp.RunAsync(BookScraper.Plan, args);

        [Page]
        public partial class Catalogue
        {
            [Follow("ul.pager li.page a")] public IReadOnlyList<Link<Catalogue>> Pages { get; init; } = [];
            [Follow("article.product_pod h3 a")] public IReadOnlyList<Link<Book>> Books { get; init; } = [];
        }

        [Page, Item]
        public partial class Book
        {
            [Text("div.product_main h1")] public required string Title { get; init; }
            [Text("div.product_main p.price_color")] public decimal Price { get; init; }
            [PageUrl] public required Uri Url { get; init; }
        }

        [Scraper(StartUrl = "http://127.0.0.1:9/catalogue/page-1.html", StartPage = typeof(Catalogue))]
        [Concurrency(Max = 8, PerHost = 8)]
        public static partial class BookScraper;
        """;

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    private readonly PackedPackages _packages;

    public PackageConsumptionTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public async Task A_program_built_against_the_packages_alone_generates_its_scraper_and_crawls_every_book()
    {
        var project = _packages.CreateConsumer("Shop", Scraper);
        await using (var build = ChildProcess.StartDotnet(project, "build", "--nologo", "-c", "Release"))
        {
            (await build.WaitForExitAsync(BuildTimeout)).ShouldBe(0, build.Transcript());
        }

        var output = Path.Combine(project, "bin", "Release", "net10.0");
        Directory.GetFiles(Path.Combine(project, "packages"), "*.nupkg", SearchOption.AllDirectories).Select(Path.GetFileName)
            .ShouldBe([$"declarativescrape.{_packages.Version}.nupkg", $"declarativescrape.hosting.{_packages.Version}.nupkg"], ignoreOrder: true);
        var generated = Directory.GetFiles(Path.Combine(project, "obj"), "*.g.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains("DeclarativeScrape.Generators", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        generated.ShouldBe(["Book.g.cs", "BookScraper.g.cs", "Catalogue.g.cs"], ignoreOrder: true, "the generator ran from the package's analyzers folder");
        var runtimeConfig = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "Shop.runtimeconfig.json")));
        runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Runtime.TieredPGO").GetBoolean()
            .ShouldBeFalse("the DeclarativeScrape package's buildTransitive props reach the program through the host package");

        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 60 });
        var items = Path.Combine(project, "books.jsonl");
        await using var run = ChildProcess.StartDotnet(project, Path.Combine(output, "Shop.dll"), "--url", site.StartUrl.AbsoluteUri, "--out", items);

        (await run.WaitForExitAsync()).ShouldBe(0, run.Transcript());
        var books = site.Books.ToDictionary(b => b.Url.AbsoluteUri);
        var written = JsonLines.ReadComplete(items);
        written.Count.ShouldBe(60, run.Transcript());
        foreach (var item in written)
        {
            var book = books[item.GetProperty("url").GetString()!];
            item.GetProperty("title").GetString().ShouldBe(book.Title);
            item.GetProperty("price").GetDecimal().ShouldBe(book.Price, $"{book.Url}: {item}");
        }

        written.Select(i => i.GetProperty("url").GetString()).Distinct().Count().ShouldBe(60, "each book once");
        RunResult.Of(run).Reconciles.ShouldBeTrue();
    }

    [Fact]
    public async Task Mistakes_in_a_program_built_against_the_packages_are_compile_time_errors_at_their_place()
    {
        var broken = Scraper
            .Replace("[Text(\"div.product_main h1\")]", "[Text(\"div.product_main h1[\")]", StringComparison.Ordinal)
            .Replace("public partial class Catalogue", "[RateLimit(RequestsPerSecond = 2)]\npublic partial class Catalogue", StringComparison.Ordinal)
            .Replace("[Page, Item]", "[Page, Item, Sample(\"samples/book.html\")]", StringComparison.Ordinal);
        var project = _packages.CreateConsumer("Broken", broken);
        // A saved page whose price the selector misses: the sample check (and AngleSharp beside it) runs from the package.
        Directory.CreateDirectory(Path.Combine(project, "samples"));
        await File.WriteAllTextAsync(Path.Combine(project, "samples", "book.html"), "<div class=product_main><h1>Dune</h1><p class=price>£51.77</p></div>");

        await using var build = ChildProcess.StartDotnet(project, "build", "--nologo", "-c", "Release");
        var exitCode = await build.WaitForExitAsync(BuildTimeout);

        exitCode.ShouldNotBe(0, build.Transcript());
        var errors = build.Output.Select(l => ErrorLine().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups["file"].Value}({m.Groups["at"].Value}) {m.Groups["id"].Value}: {m.Groups["message"].Value}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        errors.Count.ShouldBe(3, "the three mistakes and nothing they would break elsewhere\n" + build.Transcript());
        errors[0].ShouldStartWith("Program.cs(17,31) DS0002: The selector 'div.product_main h1[' of 'Title' is not valid CSS: ", customMessage: build.Transcript());
        errors[1].ShouldBe("Program.cs(18,11) DS0028: In sample 'samples/book.html', required 'Price' (selector 'div.product_main p.price_color') fails: no element matched; 'div.product_main' matches 1 element, but nothing in it matches 'p.price_color'; no element has class 'price_color' in the sample", build.Transcript());
        errors[2].ShouldBe("Program.cs(7,2) DS0023: [RateLimit] on 'Catalogue' has no effect: scraper settings apply only to a class marked [Scraper]", build.Transcript());
    }

    // MSBuild's form: PATH(LINE,COL): error ID: MESSAGE[ (HELP LINK)] [PROJECT]; any error of any file counts.
    [GeneratedRegex(@"(?<file>[^/\\]+)\((?<at>\d+,\d+)\): error (?<id>[A-Z]+\d+): (?<message>.*?)(?: \(https?://[^ ]*\))? \[[^\]]*\]$")]
    private static partial Regex ErrorLine();
}
