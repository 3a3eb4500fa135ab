using BenchmarkDotNet.Running;

namespace DeclarativeScrape.Benchmarks;

/// <summary>
/// Runs the benchmarks through BenchmarkDotNet's switcher:
/// <c>dotnet run -c Release --project bench/DeclarativeScrape.Benchmarks -- --filter '*'</c>
/// (see bench/README.md); <c>-- --links-breakdown</c> prints the per-step cost of a link (<see cref="Links.LinkBreakdown"/>);
/// <c>-- --parse-cpu [PAGE…]</c> the CPU time and allocation per page of both parse paths (<see cref="Parsing.ParseCpu"/>).
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's command line (<c>--filter</c>, <c>--job</c>, <c>--list</c>, ...).</param>
    public static void Main(string[] args)
    {
        if (args is ["--links-breakdown"])
        {
            Links.LinkBreakdown.Run();
            return;
        }

        if (args is ["--parse-cpu", .. var pages])
        {
            Parsing.ParseCpu.Run(pages);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
