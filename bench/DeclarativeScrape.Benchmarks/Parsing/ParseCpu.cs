using System.Diagnostics;

namespace DeclarativeScrape.Benchmarks.Parsing;

/// <summary>
/// <see cref="ParseAndExtractPathBenchmarks"/> measured by what survives a loaded machine: the process's CPU time (user +
/// system, background GC included) and the bytes the thread allocates, per page, the two paths interleaved round by round
/// (medians over the rounds): <c>dotnet run -c Release --project bench/DeclarativeScrape.Benchmarks -- --parse-cpu</c>
/// (bench/parsing/run.sh runs it under the bench lock).
/// </summary>
public static class ParseCpu
{
    private const int Rounds = 15;

    /// <summary>Runs every page of <see cref="ParseAndExtractPathBenchmarks.Page"/> and prints a table.</summary>
    /// <param name="pages">The pages, or none for the benchmark's own.</param>
    public static void Run(IReadOnlyList<string> pages)
    {
        if (pages.Count == 0)
        {
            pages = ["postgresql/sql-select.html", "django/topics/http/sessions.html", "bookstore/large", "shop/product"];
        }

        Console.WriteLine("| page | KB | compact path | full parse: µs CPU, KB allocated per page | compact path: µs CPU, KB allocated per page | CPU ratio | allocation ratio | compact parser alone (what a page it refuses costs before its full parse): µs CPU, KB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var page in pages)
        {
            var benchmark = new ParseAndExtractPathBenchmarks { Page = page };
            benchmark.Setup();
            var text = BenchmarkPages.Load(page).AsMemory();
            var size = text.Length / 1024.0;
            var parser = new PageParser();
            string ParseOnly() => parser.Parse(text, null).ToString();

            // About 40 ms of work per path and round (more with warm-up), whatever the page's size.
            var perRound = Math.Max(20, (int)(4000 / size));
            for (var i = 0; i < perRound * 3; i++)
            {
                benchmark.AngleSharp();
                benchmark.Compact();
                ParseOnly();
            }

            var full = new List<(double Cpu, double Bytes)>();
            var compact = new List<(double Cpu, double Bytes)>();
            var parseOnly = new List<(double Cpu, double Bytes)>();
            for (var round = 0; round < Rounds; round++)
            {
                full.Add(Measure(benchmark.AngleSharp, perRound));
                compact.Add(Measure(benchmark.Compact, perRound));
                parseOnly.Add(Measure(ParseOnly, perRound));
            }

            var (fullCpu, fullBytes) = (Median(full, static m => m.Cpu), Median(full, static m => m.Bytes));
            var (compactCpu, compactBytes) = (Median(compact, static m => m.Cpu), Median(compact, static m => m.Bytes));
            var built = benchmark.CompactBuilt switch
            {
                null => "no (full parse: selectors not supported)",
                TreeFallback.None => "yes",
                var reason => "no (full parse: " + reason + ")",
            };
            Console.WriteLine($"| {page} | {size:F0} | {built} | {fullCpu:F0} µs, {fullBytes / 1024:F0} KB | {compactCpu:F0} µs, {compactBytes / 1024:F0} KB | {compactCpu / fullCpu:F2}× | {compactBytes / fullBytes:F2}× | {Median(parseOnly, static m => m.Cpu):F0} µs, {Median(parseOnly, static m => m.Bytes) / 1024:F1} KB |");
        }
    }

    private static (double Cpu, double Bytes) Measure(Func<string> path, int pages)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = process.TotalProcessorTime;
        for (var i = 0; i < pages; i++)
        {
            path();
        }

        process.Refresh();
        var spent = process.TotalProcessorTime - cpu;
        return (spent.TotalMicroseconds / pages, (double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / pages);
    }

    private static double Median(List<(double Cpu, double Bytes)> values, Func<(double Cpu, double Bytes), double> of)
    {
        var sorted = values.Select(of).Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
