namespace DeclarativeScrape.Hosting;

/// <summary>
/// Turns a generated crawl plan into a command-line tool in one line of <c>Main</c>: options such as
/// <c>--url</c>, <c>--out</c>, <c>--concurrency</c> and <c>--max-pages</c>, a live progress display (plain log
/// lines when the output is redirected), graceful Ctrl+C and SIGTERM, a summary and a machine-readable
/// <c>RESULT {json}</c> line. Progress, logs and the summary go to standard error; standard output carries only
/// items (<c>--out -</c>).
/// </summary>
/// <example>
/// <code>
/// return await ScrapeApp.RunAsync(BookstoreScraper.Plan, args);
/// </code>
/// </example>
public static class ScrapeApp
{
    /// <summary>Runs <paramref name="plan"/> as a command-line tool.</summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The scraper's generated <c>Plan</c>.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="configure">
    /// Adjusts the options after the scraper's attribute values and before the command line, which wins where it
    /// gives a value.
    /// </param>
    /// <param name="cancellationToken">Stops the run gracefully, like Ctrl+C.</param>
    /// <returns>The exit code, one of <see cref="ExitCodes"/>.</returns>
    public static Task<int> RunAsync<TItem>(CrawlPlan<TItem> plan, string[] args, Action<ScrapeOptions>? configure = null, CancellationToken cancellationToken = default) =>
        new HostRunner(HostConsole.FromSystemConsole(), registerSignals: true).RunAsync(plan, args, configure, null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="plan"/> as a command-line tool; when the command line gives no <c>--url</c>, it first
    /// starts an embedded site, points the scraper at the site's start URL (scoped to its host) and stops the site
    /// when the run ends.
    /// </summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <typeparam name="TSite">The embedded site's type.</typeparam>
    /// <param name="plan">The scraper's generated <c>Plan</c>.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="startEmbeddedSite">
    /// Starts the site on 127.0.0.1 and the port it is given, for example
    /// <c>(port, ct) =&gt; BookstoreSite.StartAsync(new() { Port = port }, ct)</c>. The port is 0 (any free port) for a
    /// new crawl; with <c>--state DIR</c>, a resumed crawl gets the port its site had before (kept in DIR), so the URLs
    /// the state carries over still lead to the site.
    /// </param>
    /// <param name="configure">Adjusts the options after the scraper's attribute values and before the embedded site and the command line.</param>
    /// <param name="cancellationToken">Stops the run gracefully, like Ctrl+C.</param>
    /// <returns>The exit code, one of <see cref="ExitCodes"/>.</returns>
    /// <example>
    /// <code>
    /// return await ScrapeApp.RunAsync(BookstoreScraper.Plan, args, (port, ct) => BookstoreSite.StartAsync(new() { Port = port }, ct));
    /// </code>
    /// </example>
    public static Task<int> RunAsync<TItem, TSite>(
        CrawlPlan<TItem> plan,
        string[] args,
        Func<int, CancellationToken, Task<TSite>> startEmbeddedSite,
        Action<ScrapeOptions>? configure = null,
        CancellationToken cancellationToken = default)
        where TSite : IEmbeddedSite
    {
        ArgumentNullException.ThrowIfNull(startEmbeddedSite);
        return new HostRunner(HostConsole.FromSystemConsole(), registerSignals: true)
            .RunAsync(plan, args, configure, async (port, ct) => await startEmbeddedSite(port, ct).ConfigureAwait(false), cancellationToken);
    }
}
