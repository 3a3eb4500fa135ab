namespace DeclarativeScrape.Examples.SharedEngine;

/// <summary>The example's command line: <c>[--url SITE] [--out DIR]</c>.</summary>
/// <param name="Site">The root of a bookstore site to crawl; <see langword="null"/> to start the embedded demo bookstore.</param>
/// <param name="OutputDirectory">Where the two scrapers write their items (<c>books.jsonl</c>, <c>categories.jsonl</c>); <see langword="null"/> for nowhere.</param>
internal sealed record SharedEngineArguments(Uri? Site, string? OutputDirectory)
{
    public const string Usage = "usage: SharedEngine [--url http://host:port/] [--out DIR]";

    /// <summary>The path of <paramref name="fileName"/> in <see cref="OutputDirectory"/>, or <see langword="null"/> without one.</summary>
    public string? OutputFile(string fileName) => OutputDirectory is null ? null : Path.Combine(OutputDirectory, fileName);

    /// <summary>Reads the arguments; on a bad one, <paramref name="error"/> names it.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out SharedEngineArguments arguments, out string error)
    {
        arguments = new SharedEngineArguments(null, null);
        error = "";
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var site) && site.Scheme is "http" or "https":
                    arguments = arguments with { Site = site };
                    i++;
                    break;
                case "--url":
                    error = $"--url: '{value}' is not an absolute http or https URL.";
                    return false;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    arguments = arguments with { OutputDirectory = value };
                    i++;
                    break;
                case "--out":
                    error = "--out: needs a directory.";
                    return false;
                default:
                    error = $"unknown argument '{args[i]}'.";
                    return false;
            }
        }

        return true;
    }
}
