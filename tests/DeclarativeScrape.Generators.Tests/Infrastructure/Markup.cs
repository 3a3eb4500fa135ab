using Microsoft.CodeAnalysis.Text;

namespace DeclarativeScrape.Generators.Tests.Infrastructure;

/// <summary>Source text with one span marked <c>[|like this|]</c>: the span a diagnostic must have.</summary>
public sealed record Markup(string Source, TextSpan Span)
{
    public static Markup Parse(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", start + 2, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            throw new ArgumentException("The markup has no [|span|].", nameof(markup));
        }

        var source = markup[..start] + markup[(start + 2)..end] + markup[(end + 2)..];
        return new Markup(source, TextSpan.FromBounds(start, end - 2));
    }

    public string Marked => Source.Substring(Span.Start, Span.Length);
}
