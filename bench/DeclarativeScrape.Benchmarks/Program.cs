using BenchmarkDotNet.Running;

namespace DeclarativeScrape.Benchmarks;

/// <summary>
/// Runs the benchmarks through BenchmarkDotNet's switcher:
/// <c>dotnet run -c Release --project bench/DeclarativeScrape.Benchmarks -- --filter '*'</c>
/// (see bench/README.md).
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's command line (<c>--filter</c>, <c>--job</c>, <c>--list</c>, ...).</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
