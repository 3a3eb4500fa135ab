namespace DeclarativeScrape;

/// <summary>Whether a page was rendered in a browser, and why (<see cref="UrlOutcome.Render"/>).</summary>
public enum RenderDecision
{
    /// <summary>Not a <see cref="RenderAttribute"/> page type, or not fetched: plain HTTP.</summary>
    None,

    /// <summary>A <see cref="RenderMode.Always"/> page: rendered.</summary>
    Rendered,

    /// <summary>A <see cref="RenderMode.WhenNeeded"/> page whose static HTML held every required value: not rendered.</summary>
    StaticSufficed,

    /// <summary>A <see cref="RenderMode.WhenNeeded"/> page whose static HTML lacked a required value: rendered.</summary>
    RenderedWhenNeeded,
}
