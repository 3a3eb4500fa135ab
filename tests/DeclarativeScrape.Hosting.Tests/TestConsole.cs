namespace DeclarativeScrape.Hosting.Tests;

/// <summary>A <see cref="HostConsole"/> over string writers: redirected output, no terminal.</summary>
internal sealed class TestConsole
{
    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    public MemoryStream StandardOutput { get; } = new();

    public HostConsole Console => field ??= new HostConsole(Output, () => StandardOutput, Error, outputIsRedirected: true, liveConsole: null);

    public Task<int> RunAsync(string[] args, CrawlPlan<TestItem>? plan = null, Action<ScrapeOptions>? configure = null, Func<int, CancellationToken, Task<IEmbeddedSite>>? site = null) =>
        new HostRunner(Console, registerSignals: false).RunAsync(plan ?? TestPlans.Plan(), args, configure, site, CancellationToken.None);
}
