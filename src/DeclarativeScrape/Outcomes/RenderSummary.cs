namespace DeclarativeScrape;

/// <summary>The rendering part of a <see cref="ScrapeSummary"/>: pages rendered, the decisions of the mixed mode, the browser's requests.</summary>
public sealed record RenderSummary
{
    /// <summary>Pages rendered in the browser (rendered successfully or not), <see cref="RenderMode.Always"/> and <see cref="RenderMode.WhenNeeded"/> alike.</summary>
    public required long Rendered { get; init; }

    /// <summary>Of <see cref="Rendered"/>: <see cref="RenderMode.WhenNeeded"/> pages whose static HTML lacked a required value.</summary>
    public required long RenderedWhenNeeded { get; init; }

    /// <summary><see cref="RenderMode.WhenNeeded"/> pages whose static HTML held every required value, so were not rendered.</summary>
    public required long StaticSufficed { get; init; }

    /// <summary>Renders retried after the page or the browser crashed.</summary>
    public required long Retried { get; init; }

    /// <summary>Times the browser was restarted after a crash.</summary>
    public required long BrowserRestarts { get; init; }

    /// <summary>Requests of rendered pages let through (each with a slot and a token of its host).</summary>
    public required long SubresourcesAllowed { get; init; }

    /// <summary>Requests of rendered pages blocked: outside the allowed hosts or disallowed by robots.txt (blocked resource types not counted).</summary>
    public required long SubresourcesBlocked { get; init; }
}
