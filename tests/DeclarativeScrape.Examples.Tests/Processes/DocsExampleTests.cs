using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary><c>examples/Docs</c> run as a process against a demo documentation site started here.</summary>
[Collection(ExampleProcesses.Name)]
public sealed class DocsExampleTests : IDisposable
{
    /// <summary>The scraper's <c>[Concurrency(PerHost = 4)]</c>.</summary>
    private const int PerHost = 4;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task It_follows_every_link_and_writes_every_page_once_recording_scope_robots_non_html_and_broken_links()
    {
        await using var site = await DocsSite.StartAsync(new DocsSiteOptions { PageCount = 80, Latency = TimeSpan.FromMilliseconds(5) });
        var output = _temp.File("docs.jsonl");

        await using var child = ChildProcess.Start(Example.Docs, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--out", output);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        GroundTruth.ShouldBeEveryDocPage(JsonLines.ReadComplete(output), site);
        var result = RunResult.Of(child);
        (result.Completed, result.Stop, result.Reconciles).ShouldBe((true, "done", true));
        result.Items.ShouldBe(site.Pages.Count);

        // Broken links: fetched once each, recorded as 404 failures, listed in the summary.
        site.BrokenLinks.ShouldNotBeEmpty();
        result.Failed.ShouldBe(site.BrokenLinks.Count);
        result.Failures("HttpStatus").ShouldBe(site.BrokenLinks.Count);
        site.BrokenLinks.ShouldAllBe(url => site.Traffic.HitsOf(url.AbsolutePath) == 1);
        var listed = child.Error.Where(l => l.StartsWith("    failed ", StringComparison.Ordinal)).ToList();
        listed.ShouldNotBeEmpty(child.Transcript());
        listed.ShouldAllBe(l => l.Contains("HttpStatus 404", StringComparison.Ordinal) && site.BrokenLinks.Any(b => l.Contains(b.AbsoluteUri + ":", StringComparison.Ordinal)));

        // Other hosts: out of scope, each link occurrence (the text's and every footer's status page), never requested;
        // the mail link of every footer is not an http(s) URL.
        result.Skips("OutOfScope").ShouldBe(site.Pages.Sum(p => p.ExternalLinks.Count));
        result.Skips("InvalidUrl").ShouldBe(site.Pages.Count);

        // Not HTML: the API description is fetched and skipped with its content type; PDFs and printable versions
        // (a query string) are left out by the link rules and never requested.
        result.Skips("NotHtml").ShouldBe(1);
        site.Traffic.HitsOf(site.OpenApiUrl.AbsolutePath).ShouldBe(1);
        site.PdfLinks.ShouldAllBe(url => site.Traffic.HitsOf(url.AbsolutePath) == 0);
        site.PrintLinks.ShouldNotBeEmpty();

        // robots.txt: the drafts are never requested.
        site.DisallowedLinks.ShouldNotBeEmpty();
        result.Skips("Robots").ShouldBe(site.DisallowedLinks.Count);
        site.Traffic.Hits.Keys.ShouldNotContain(path => path.StartsWith(DocsSite.DisallowedPath, StringComparison.Ordinal));

        // Every page fetched once; at most the scraper's per-host limit at once.
        site.Pages.ShouldAllBe(page => site.Traffic.HitsOf(page.Url.AbsolutePath) == 1);
        site.Traffic.PeakInFlight.ShouldBeInRange(1, PerHost);
    }

    [Fact]
    public async Task A_bad_argument_exits_with_code_2_naming_it()
    {
        await using var child = ChildProcess.Start(Example.Docs, _temp.Path, "--url", "ftp://docs.example/");
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(2, child.Transcript());
        child.Error.ShouldContain("error: --url: 'ftp://docs.example/' is not an absolute http or https URL.", child.Transcript());
    }
}
