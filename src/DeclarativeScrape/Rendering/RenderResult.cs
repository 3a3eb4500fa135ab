namespace DeclarativeScrape;

/// <summary>What an <see cref="IPageRenderer"/> made of a page: its DOM's HTML, or why there is none.</summary>
public sealed class RenderResult
{
    /// <summary>How the render ended.</summary>
    public required RenderStatus Status { get; init; }

    /// <summary>The rendered DOM as HTML, for <see cref="RenderStatus.Rendered"/>.</summary>
    public string? Html { get; init; }

    /// <summary>What went wrong, naming the condition or the crash, when not rendered.</summary>
    public string? Message { get; init; }

    /// <summary>Renders tried: more than one when the browser crashed and the page was retried.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Times the browser was restarted during this render (it had crashed).</summary>
    public int BrowserRestarts { get; init; }

    /// <summary>A result that renders <paramref name="html"/>.</summary>
    /// <param name="html">The DOM's HTML.</param>
    /// <param name="attempts">Renders tried.</param>
    /// <returns>The result.</returns>
    public static RenderResult FromHtml(string html, int attempts = 1) => new() { Status = RenderStatus.Rendered, Html = html, Attempts = attempts };
}
