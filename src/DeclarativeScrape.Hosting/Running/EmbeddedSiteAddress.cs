using System.Net.Sockets;

namespace DeclarativeScrape.Hosting;

/// <summary>
/// Keeps an embedded site at one address across the runs of a state directory. A crawl's URLs are its identity: a
/// resumed crawl whose site came back on another port would find every carried-over URL gone and start over beside
/// them. So the first run records the site's start URL in the state directory (<see cref="FileName"/>) and every later
/// run starts the site on that port again.
/// </summary>
internal static class EmbeddedSiteAddress
{
    /// <summary>The file in the state directory that holds the embedded site's start URL.</summary>
    public const string FileName = "embedded-site.url";

    /// <summary>Starts the site: on the port recorded in <paramref name="stateDirectory"/>, else on any free port, and records it there.</summary>
    public static async Task<IEmbeddedSite> StartAsync(Func<int, CancellationToken, Task<IEmbeddedSite>> start, string? stateDirectory, CancellationToken cancellationToken)
    {
        var file = stateDirectory is null ? null : Path.Combine(stateDirectory, FileName);
        var recorded = file is not null && File.Exists(file) && Uri.TryCreate((await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)).Trim(), UriKind.Absolute, out var url) ? url : null;
        IEmbeddedSite site;
        try
        {
            site = await start(recorded?.Port ?? 0, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (recorded is not null && e is IOException or SocketException)
        {
            throw new ScrapeOptionsException(
                nameof(ScrapeOptions.StateDirectory),
                $"the embedded site could not start again on port {recorded.Port}, where the crawl in '{stateDirectory}' found its URLs ({e.Message}). Free the port, or start a new crawl with another state directory.");
        }

        if (recorded is not null && recorded.Port != site.StartUrl.Port)
        {
            await site.DisposeAsync().ConfigureAwait(false);
            throw new ScrapeOptionsException(
                nameof(ScrapeOptions.StateDirectory),
                $"the embedded site started at {site.StartUrl}, but the crawl in '{stateDirectory}' was made at {recorded}: its URLs would not lead to the site. The site must listen on the port it is given.");
        }

        if (file is not null && recorded is null)
        {
            Directory.CreateDirectory(stateDirectory!);
            await File.WriteAllTextAsync(file, site.StartUrl.AbsoluteUri + "\n", cancellationToken).ConfigureAwait(false);
        }

        return site;
    }
}
