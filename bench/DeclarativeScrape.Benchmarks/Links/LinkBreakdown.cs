using System.Diagnostics;

namespace DeclarativeScrape.Benchmarks.Links;

/// <summary>
/// The per-link cost of <see cref="LinkBenchmarks"/> split by step, from the bytes each step allocates (exact, whatever
/// the load) and the thread's CPU time (rougher): <c>dotnet run -c Release --project bench/DeclarativeScrape.Benchmarks
/// -- --links-breakdown</c>.
/// </summary>
public static class LinkBreakdown
{
    private const int Pages = 2000;

    /// <summary>Runs <see cref="Pages"/> pages of each <see cref="LinkBenchmarks.Seen"/> value and prints a table.</summary>
    public static void Run()
    {
        Console.WriteLine("| seen of 200 | step | bytes per link | µs CPU per link |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var seen in new[] { 0, 180, 200 })
        {
            var benchmark = new LinkBenchmarks { Seen = seen };
            benchmark.Setup();
            for (var i = 0; i < 200; i++)
            {
                benchmark.Page();
            }

            var steps = new LinkBenchmarks.StepCosts();
            for (var i = 0; i < Pages; i++)
            {
                benchmark.Page(steps);
            }

            foreach (var (step, bytes, ticks) in steps.All())
            {
                var links = Pages * 200.0;
                Console.WriteLine($"| {seen} | {step} | {bytes / links:F0} | {ticks * 1e6 / Stopwatch.Frequency / links:F3} |");
            }
        }
    }
}
