using Microsoft.Extensions.Hosting;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// The lifetime of a site inside another program: it ignores the process's signals. The default
/// <c>ConsoleLifetime</c> would stop the site on the first Ctrl+C or SIGTERM, while the scraper that owns the
/// process is still draining its requests against it; the site stops when it is disposed, after the run.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
