using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Tests.Processes;

namespace DeclarativeScrape.Examples.Tests.Packaging;

/// <summary>
/// The Native AOT publish the docs describe (getting-started, "Publishing"): an example published with
/// <c>-p:PublishAot=true</c> builds warning-free (the trimming and AOT analyzers are errors here) and the native binary
/// crawls a demo site item for item. It needs a C toolchain (<c>clang</c>), which <c>.ci/run</c> installs.
/// </summary>
[Collection(ExampleProcesses.Name)]
public sealed class NativeAotPublishTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_bookstore_published_as_native_aot_crawls_every_book()
    {
        var output = _temp.File("aot");
        var project = Path.Combine(Example.RepositoryRoot, "examples", "Bookstore");
        await using (var publish = ChildProcess.StartDotnet(project, "publish", "--nologo", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output))
        {
            (await publish.WaitForExitAsync(PublishTimeout)).ShouldBe(0, publish.Transcript());
        }

        var binary = Path.Combine(output, "Bookstore");
        File.Exists(binary).ShouldBeTrue($"{binary}, the native executable");
        File.Exists(Path.Combine(output, "Bookstore.dll")).ShouldBeFalse("a native publish has no IL assembly to run");

        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 100 });
        var items = _temp.File("books.jsonl");
        var environment = new Dictionary<string, string?> { ["BIN"] = binary, ["URL"] = site.StartUrl.AbsoluteUri, ["OUT"] = items };
        await using var run = ChildProcess.StartShell(_temp.Path, "\"$BIN\" --url \"$URL\" --out \"$OUT\"", environment);

        (await run.WaitForExitAsync()).ShouldBe(0, run.Transcript());
        GroundTruth.ShouldBeBooks(JsonLines.ReadComplete(items), site.Books);
        RunResult.Of(run).Reconciles.ShouldBeTrue();
    }
}
