using Spectre.Console;
using Spectre.Console.Rendering;

namespace DeclarativeScrape.Hosting;

/// <summary>A progress snapshot as the live display on a terminal: the run's counters and a row per busy host.</summary>
internal static class ProgressView
{
    /// <summary>The most host rows shown.</summary>
    public const int MaxHosts = 8;

    public static IRenderable Build(string scraperName, ScrapeProgress progress, bool stopping)
    {
        var counters = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned()).AddColumn().AddColumn(new GridColumn().RightAligned());
        counters.AddRow(Label("pages"), Value(Quantities.Count(progress.PagesFetched)), Label("pages/s"), Value(Quantities.Rate(progress.PagesPerSecond)));
        counters.AddRow(Label("in flight"), Value(Quantities.Count(progress.InFlight)), Label("queued"), Value(Quantities.Count(progress.Queued)));
        counters.AddRow(Label("items"), Value(Quantities.Count(progress.Items)), Label("retries"), Value(Quantities.Count(progress.Retries)));
        counters.AddRow(Label("processed"), Value(Quantities.Count(progress.Processed)), Label("skipped"), Value(Quantities.Count(progress.Skipped)));
        counters.AddRow(Label("failed"), new Markup(progress.Failed > 0 ? $"[red]{Quantities.Count(progress.Failed)}[/]" : "0"), Label("elapsed"), Value(Quantities.Duration(progress.Elapsed)));

        var rows = new List<IRenderable> { counters };
        if (progress.Hosts.Count > 0)
        {
            var hosts = new Table().Border(TableBorder.Simple).AddColumn("host").AddColumn(new TableColumn("in flight").RightAligned())
                .AddColumn(new TableColumn("limit").RightAligned()).AddColumn(new TableColumn("queued").RightAligned());
            foreach (var host in progress.Hosts.Take(MaxHosts))
            {
                hosts.AddRow(Markup.Escape(host.Host), Quantities.Count(host.InFlight), Quantities.Count(host.Limit), Quantities.Count(host.Queued));
            }

            if (progress.Hosts.Count > MaxHosts)
            {
                hosts.AddRow($"… {progress.Hosts.Count - MaxHosts} more", "", "", "");
            }

            rows.Add(hosts);
        }

        var header = stopping
            ? $"[bold]{Markup.Escape(scraperName)}[/] [yellow]stopping: finishing the requests in flight (Ctrl+C again quits at once)[/]"
            : $"[bold]{Markup.Escape(scraperName)}[/] [grey](Ctrl+C stops gracefully)[/]";
        return new Panel(new Rows(rows)).Header(header).Border(BoxBorder.Rounded);
    }

    private static Markup Label(string text) => new($"[grey]{text}[/]");

    private static Text Value(string text) => new(text);
}
