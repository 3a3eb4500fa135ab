using System.Net;
using System.Net.Sockets;
using DeclarativeScrape.Examples.Tests.DocBlocks;
using DeclarativeScrape.Examples.Tests.Processes;

namespace DeclarativeScrape.Examples.Tests.Packaging;

/// <summary>
/// The local package source docs/getting-started.md tells a reader to make: its <c>repository</c> shell block run as
/// written in this repository, with two substitutions only (the feed folder, for a fresh one per run, and the demo
/// site's port, for a free one). Consumers restore from it into a package folder of their own, so no package cache
/// holds an older build of the same version.
/// </summary>
public sealed class DocumentedFeed : IAsyncLifetime
{
    public const string DocumentedFeedPath = "~/declarativescrape-feed";
    public const string DocumentedPort = "5080";
    public const string Page = "docs/getting-started.md";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);

    private readonly TempDirectory _temp = new();

    public DocumentedFeed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Steps = MarkdownPage.Read(Example.RepositoryRoot, Page).Blocks.Where(b => b.Language == "sh").ToList();
    }

    /// <summary>The page's shell blocks, in order.</summary>
    public IReadOnlyList<CodeBlock> Steps { get; }

    /// <summary>The port that stands for the page's 5080.</summary>
    public int Port { get; }

    public string Feed => _temp.File("declarativescrape-feed");

    public string Temp => _temp.Path;

    /// <summary>How long the documented pack took (wall time).</summary>
    public TimeSpan PackElapsed { get; private set; }

    /// <summary>
    /// The environment of a reader's project: packages restored into a folder of this run, the machine's package
    /// folder as a fallback for everything but DeclarativeScrape's own packages (so nothing is downloaded that the
    /// machine has, and no earlier build of ours can be picked up).
    /// </summary>
    public IReadOnlyDictionary<string, string?> ReaderEnvironment => field ??= CreateReaderEnvironment();

    /// <summary>A step's text with the feed folder and the port replaced.</summary>
    public string Substitute(string text) =>
        text.Replace(DocumentedFeedPath, Feed, StringComparison.Ordinal).Replace(DocumentedPort, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        var repository = Steps.Where(b => b.Is("repository")).ShouldHaveSingleItem($"{Page} has one `sh repository` block: how to make the local feed");
        var started = DateTime.UtcNow;
        await using var pack = ChildProcess.StartShell(Example.RepositoryRoot, Substitute(repository.Code), new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1" });
        (await pack.WaitForExitAsync(PackTimeout)).ShouldBe(0, pack.Transcript());
        PackElapsed = DateTime.UtcNow - started;
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private Dictionary<string, string?> CreateReaderEnvironment()
    {
        var machine = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fallback = Directory.CreateDirectory(_temp.File("machine-packages")).FullName;
        if (Directory.Exists(machine))
        {
            foreach (var package in Directory.EnumerateDirectories(machine))
            {
                if (!Path.GetFileName(package).StartsWith("declarativescrape", StringComparison.OrdinalIgnoreCase))
                {
                    Directory.CreateSymbolicLink(Path.Combine(fallback, Path.GetFileName(package)), package);
                }
            }
        }

        return new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Directory.CreateDirectory(_temp.File("packages")).FullName,
            ["NUGET_FALLBACK_PACKAGES"] = fallback,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
    }
}
