using Spectre.Console;

namespace DeclarativeScrape.Hosting;

/// <summary>
/// The host's streams: items on standard output, everything else (banner, progress, log messages, summary,
/// <c>RESULT</c> line) on standard error, so <c>--out -</c> stays clean. Tests build one over string writers.
/// </summary>
internal sealed class HostConsole
{
    private readonly Func<Stream> _openStandardOutput;
    private volatile bool _liveActive;

    public HostConsole(TextWriter output, Func<Stream> openStandardOutput, TextWriter error, bool outputIsRedirected, IAnsiConsole? liveConsole)
    {
        Output = output;
        _openStandardOutput = openStandardOutput;
        Error = error;
        OutputIsRedirected = outputIsRedirected;
        LiveConsole = liveConsole;
    }

    /// <summary>Where <c>--help</c> and <c>--version</c> write.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether standard output is a pipe or a file (not a terminal).</summary>
    public bool OutputIsRedirected { get; }

    /// <summary>An ANSI console over standard error when it is an ANSI terminal; <see langword="null"/> otherwise.</summary>
    public IAnsiConsole? LiveConsole { get; }

    /// <summary>Set while a live display owns the terminal: lines then go through it, above the display.</summary>
    public bool LiveActive
    {
        get => _liveActive;
        set => _liveActive = value;
    }

    /// <summary>The process's real console.</summary>
    public static HostConsole FromSystemConsole()
    {
        IAnsiConsole? live = null;
        if (!Console.IsErrorRedirected)
        {
            var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            live = ansi.Profile.Capabilities.Ansi ? ansi : null;
        }

        return new HostConsole(Console.Out, Console.OpenStandardOutput, Console.Error, Console.IsOutputRedirected, live);
    }

    public Stream OpenStandardOutput() => _openStandardOutput();

    /// <summary>Writes a line on standard error (above the live display while there is one).</summary>
    public void WriteLine(string line)
    {
        if (_liveActive && LiveConsole is { } live)
        {
            live.Write(new Text(line + "\n"));
        }
        else
        {
            Error.WriteLine(line);
        }
    }
}
