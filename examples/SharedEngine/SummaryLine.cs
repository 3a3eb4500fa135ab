using System.Globalization;

namespace DeclarativeScrape.Examples.SharedEngine;

/// <summary>One run's summary on one line.</summary>
internal static class SummaryLine
{
    public static string Of(ScrapeSummary summary)
    {
        var state = summary.Completed ? "completed" : "stopped";
        var reconciles = summary.Reconciles ? "" : " (counts do not reconcile!)";
        return string.Create(CultureInfo.InvariantCulture,
            $"{summary.ScraperName}: {state} in {summary.Elapsed.TotalSeconds:0.0} s; {summary.Items:N0} items; {summary.Discovered:N0} URLs: {summary.Processed:N0} processed, {summary.Skipped:N0} skipped, {summary.Failed:N0} failed{reconciles}");
    }
}
