using System.Text.Json;
using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Tests.DocBlocks;
using DeclarativeScrape.Examples.Tests.Processes;
using Xunit.Abstractions;

namespace DeclarativeScrape.Examples.Tests.Packaging;

/// <summary>
/// docs/getting-started.md followed as a reader follows it, from an empty folder: the packages packed into the local
/// feed by the page's own command, the project made and pointed at the feed by its commands, its <c>Program.cs</c>,
/// the demo server started by its command, and its run command; then the project template from the same feed.
/// </summary>
[Collection(ExampleProcesses.Name)]
public sealed class GettingStartedTests(DocumentedFeed feed, ITestOutputHelper log) : IClassFixture<DocumentedFeed>
{
    private const int Books = 60;
    private const string DemoServerCommand = "dotnet run --project examples/DemoServer -- ";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_page_followed_as_written_from_an_empty_folder_crawls_the_demo_bookstore()
    {
        log.WriteLine($"documented pack: {feed.PackElapsed.TotalSeconds:0} s");
        Directory.GetFiles(feed.Feed).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList().ShouldBe(
            [
                "DeclarativeScrape.0.1.0.nupkg", "DeclarativeScrape.0.1.0.snupkg",
                "DeclarativeScrape.Browser.0.1.0.nupkg", "DeclarativeScrape.Browser.0.1.0.snupkg",
                "DeclarativeScrape.Extensions.Hosting.0.1.0.nupkg", "DeclarativeScrape.Extensions.Hosting.0.1.0.snupkg",
                "DeclarativeScrape.Hosting.0.1.0.nupkg", "DeclarativeScrape.Hosting.0.1.0.snupkg",
                "DeclarativeScrape.PostgreSql.0.1.0.nupkg", "DeclarativeScrape.PostgreSql.0.1.0.snupkg",
                "DeclarativeScrape.Templates.0.1.0.nupkg",
            ],
            customMessage: "the page's pack command makes every package (and its symbols) in one folder");

        // The demo server, as the page starts it (its built program, so the test does not build it again), with fewer books.
        var demo = feed.Steps.Where(b => b.Is("demo-server")).ShouldHaveSingleItem().Code.Trim();
        demo.ShouldStartWith(DemoServerCommand);
        var demoServer = Path.Combine(Example.RepositoryRoot, "examples", "DemoServer", "bin", Example.Configuration, "net10.0", "DemoServer.dll");
        await using var server = ChildProcess.StartDotnet(
            Example.RepositoryRoot, [demoServer, .. feed.Substitute(demo[DemoServerCommand.Length..]).Split(' '), "--books", $"{Books}"]);
        await server.WaitForOutputLineAsync(l => l.StartsWith("Demo bookstore at ", StringComparison.Ordinal), StepTimeout);

        // The reader's steps, in one shell from an empty folder; Program.cs replaced where the page says so.
        var steps = feed.Steps.Where(b => b.Words.Count == 0 && b.Line < HeadingLine("## 4.")).ToList();
        steps.Count.ShouldBe(2, "the steps of §1 (make the project) and §3 (run it)");
        var folder = Directory.CreateDirectory(feed.Temp + "/reader").FullName;
        var cwd = Path.Combine(feed.Temp, "cwd");
        await RunAsync(folder, feed.Substitute(steps[0].Code) + $"\npwd > '{cwd}'\n");
        var project = File.ReadAllText(cwd).Trim();
        var program = MarkdownPage.Read(Example.RepositoryRoot, DocumentedFeed.Page).CSharpBlocks.First(b => b.Words.Count == 0 && b.Line > HeadingLine("## 2."));
        File.WriteAllText(Path.Combine(project, "Program.cs"), feed.Substitute(program.Code));
        await RunAsync(project, feed.Substitute(steps[1].Code));

        await using var truth = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = Books });
        var books = truth.Books.ToDictionary(b => b.Url.AbsolutePath);
        var items = JsonLines.ReadComplete(Path.Combine(project, "books.jsonl"));
        items.Count.ShouldBe(Books);
        foreach (var item in items)
        {
            var book = books[new Uri(item.GetProperty("url").GetString()!).AbsolutePath];
            (item.GetProperty("title").GetString(), item.GetProperty("price").GetDecimal()).ShouldBe((book.Title, book.Price));
            item.GetProperty("reviews").GetArrayLength().ShouldBe(book.Reviews.Count);
        }

        // The packages' runtime settings reach the reader's program (issue 9).
        var runtimeConfig = RuntimeOptions(Path.Combine(project, "bin", "Debug", "net10.0", "BookScraper.runtimeconfig.json"));
        runtimeConfig.GetProperty("System.Runtime.TieredPGO").GetBoolean().ShouldBeFalse();
        runtimeConfig.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").ToString().ShouldBe("0");
    }

    [Fact]
    public async Task The_template_from_the_feed_makes_a_project_that_builds_and_crawls_the_demo_bookstore()
    {
        var hive = Path.Combine(feed.Temp, "template-hive");
        var work = Directory.CreateDirectory(Path.Combine(feed.Temp, "template")).FullName;
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = Books });
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="declarativescrape" value="{feed.Feed}" />
              </packageSources>
            </configuration>
            """);

        await RunAsync(work, $"""
            dotnet new install '{feed.Feed}/DeclarativeScrape.Templates.0.1.0.nupkg' --debug:custom-hive '{hive}'
            dotnet new declarativescrape -n Shop --StartUrl '{site.StartUrl.AbsoluteUri}' --debug:custom-hive '{hive}'
            cd Shop
            dotnet build --nologo
            dotnet bin/Debug/net10.0/Shop.dll --out items.jsonl --quiet
            """);

        var items = JsonLines.ReadComplete(Path.Combine(work, "Shop", "items.jsonl"));
        items.Select(i => i.GetProperty("url").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(site.Books.Select(b => b.Url.AbsoluteUri).Order(StringComparer.Ordinal), "every book of the demo site, once");
        File.ReadAllText(Path.Combine(work, "Shop", "Shop.csproj")).ShouldContain("Include=\"DeclarativeScrape.Hosting\" Version=\"0.1.0\"");
    }

    [Theory]
    [InlineData("DeclarativeScrape")]
    [InlineData("DeclarativeScrape.Browser")]
    [InlineData("DeclarativeScrape.Extensions.Hosting")]
    [InlineData("DeclarativeScrape.Hosting")]
    [InlineData("DeclarativeScrape.PostgreSql")]
    [InlineData("DeclarativeScrape.Templates")]
    public void Each_package_is_ready_to_publish(string id)
    {
        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.0.1.0.nupkg"));
        using var nuspecStream = package.Entries.Single(e => e.FullName == $"{id}.nuspec").Open();
        var nuspec = System.Xml.Linq.XDocument.Load(nuspecStream).Root!;
        string? Meta(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");

        nuspec.Descendants().Single(e => e.Name.LocalName == "license").ShouldSatisfyAllConditions(
            l => l.Value.ShouldBe("MIT"), l => l.Attribute("type")!.Value.ShouldBe("expression"));
        repository.Attribute("url")!.Value.ShouldBe("https://github.com/declarativescrape/declarativescrape");
        repository.Attribute("type")!.Value.ShouldBe("git");
        Meta("projectUrl").ShouldBe("https://github.com/declarativescrape/declarativescrape");
        Meta("tags")!.Split(' ').ShouldContain("scraping");
        Meta("readme").ShouldBe("README.md");
        Meta("description").ShouldNotBeNullOrWhiteSpace();
        var readme = new StreamReader(package.GetEntry("README.md")!.Open()).ReadToEnd();
        foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(readme, @"\]\((?<target>[^)]+)\)"))
        {
            link.Groups["target"].Value.ShouldStartWith("https://", customMessage: "the gallery shows the README away from the repository: links are absolute");
        }

        if (id != "DeclarativeScrape.Templates")
        {
            package.GetEntry("THIRD-PARTY-NOTICES.txt").ShouldNotBeNull();
            using var symbols = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.0.1.0.snupkg"));
            symbols.Entries.ShouldContain(e => e.FullName == $"lib/net10.0/{id}.pdb", "symbols in the .snupkg");
        }
    }

    [Theory]
    [InlineData("Bookstore")]
    [InlineData("Docs")]
    [InlineData("SharedEngine")]
    [InlineData("DemoServer")]
    [InlineData("Worker")]
    public void The_examples_get_the_host_packages_runtime_settings_though_they_reference_its_project(string example)
    {
        var options = RuntimeOptions(Path.Combine(Example.RepositoryRoot, "examples", example, "bin", Example.Configuration, "net10.0", example + ".runtimeconfig.json"));
        options.GetProperty("System.Runtime.TieredPGO").GetBoolean().ShouldBeFalse();
        options.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").ToString().ShouldBe("0");
    }

    private static int HeadingLine(string heading) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(Example.RepositoryRoot, DocumentedFeed.Page)), l => l.StartsWith(heading, StringComparison.Ordinal)) + 1;

    private static JsonElement RuntimeOptions(string path) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

    private async Task RunAsync(string directory, string script)
    {
        await using var shell = ChildProcess.StartShell(directory, script, feed.ReaderEnvironment);
        (await shell.WaitForExitAsync(StepTimeout)).ShouldBe(0, shell.Transcript());
    }
}
