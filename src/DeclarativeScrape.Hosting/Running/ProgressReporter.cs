using Spectre.Console;

namespace DeclarativeScrape.Hosting;

/// <summary>Shows a run's progress while it runs, in one of the <see cref="ReportMode"/>s.</summary>
internal sealed class ProgressReporter(ReportMode mode, HostConsole console, string scraperName)
{
    /// <summary>How often the live display refreshes.</summary>
    public TimeSpan LiveRefresh { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a progress line is written when the output is not a terminal.</summary>
    public TimeSpan LineInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Shows progress until <paramref name="done"/> is cancelled.</summary>
    /// <param name="snapshot">Takes a progress snapshot.</param>
    /// <param name="stopping">Whether a graceful stop was asked for.</param>
    /// <param name="done">Cancelled when the run has ended.</param>
    public Task RunAsync(Func<ScrapeProgress> snapshot, Func<bool> stopping, CancellationToken done) => mode switch
    {
        ReportMode.Live when console.LiveConsole is { } live => LiveAsync(live, snapshot, stopping, done),
        ReportMode.Quiet => Task.CompletedTask,
        _ => LinesAsync(snapshot, done),
    };

    private async Task LiveAsync(IAnsiConsole live, Func<ScrapeProgress> snapshot, Func<bool> stopping, CancellationToken done)
    {
        await live.Live(ProgressView.Build(scraperName, snapshot(), stopping()))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                console.LiveActive = true;
                try
                {
                    using var timer = new PeriodicTimer(LiveRefresh);
                    while (await TickAsync(timer, done).ConfigureAwait(false))
                    {
                        context.UpdateTarget(ProgressView.Build(scraperName, snapshot(), stopping()));
                        context.Refresh();
                    }

                    context.UpdateTarget(ProgressView.Build(scraperName, snapshot(), stopping()));
                    context.Refresh();
                }
                finally
                {
                    console.LiveActive = false;
                }
            }).ConfigureAwait(false);
    }

    private async Task LinesAsync(Func<ScrapeProgress> snapshot, CancellationToken done)
    {
        using var timer = new PeriodicTimer(LineInterval);
        while (await TickAsync(timer, done).ConfigureAwait(false))
        {
            console.WriteLine(ProgressText.Line(snapshot()));
        }
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken done)
    {
        try
        {
            return await timer.WaitForNextTickAsync(done).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
