namespace DeclarativeScrape;

/// <summary>How a render ended.</summary>
public enum RenderStatus
{
    /// <summary>The page rendered: <see cref="RenderResult.Html"/> holds its DOM.</summary>
    Rendered,

    /// <summary>The page did not settle (its wait condition did not hold) within its timeout.</summary>
    TimedOut,

    /// <summary>The page crashed the browser (every attempt).</summary>
    Crashed,

    /// <summary>The browser could not render the page (it could not start, or failed otherwise).</summary>
    Failed,

    /// <summary>The run stopped during the render.</summary>
    Cancelled,
}
