using System.Text;

namespace DeclarativeScrape.CrawlBenchmark;

/// <summary>
/// Standard error as the host sees it: every character passes through to the real stream, and the last line that
/// starts with <c>RESULT </c> (the host's machine-readable summary) is kept, so the benchmark can print one final
/// <c>RESULT</c> line that holds the host's counts and the probe's figures.
/// </summary>
internal sealed class ResultLineCapture(TextWriter inner) : TextWriter
{
    private const string Prefix = "RESULT ";
    private readonly StringBuilder _line = new();

    /// <summary>The JSON of the last <c>RESULT</c> line written, or <see langword="null"/>.</summary>
    public string? LastResultJson { get; private set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        inner.Write(value);
        if (value == '\n')
        {
            EndLine();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var c in value)
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void Flush() => inner.Flush();

    private void EndLine()
    {
        if (_line.Length > Prefix.Length && _line.ToString(0, Prefix.Length) == Prefix)
        {
            LastResultJson = _line.ToString(Prefix.Length, _line.Length - Prefix.Length);
        }

        _line.Clear();
    }
}
