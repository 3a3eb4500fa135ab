namespace DeclarativeScrape;

/// <summary>
/// Renders pages of this <see cref="PageAttribute"/> type in a headless browser before extraction, for pages that build
/// their content with script. The page is fetched over HTTP as any other (the host's limits, rate, robots.txt, retries and
/// redirects apply), its HTML is loaded into the browser at its URL, the page's scripts run (their requests pass the same
/// host limits, and requests outside the allowed hosts are blocked), and when the wait condition holds the rendered DOM's
/// HTML goes through the same generated extractor. Needs a renderer (<see cref="ScrapeOptions.Renderer"/>), such as the
/// <c>DeclarativeScrape.Browser</c> package's Chromium renderer. Pages of other types stay on plain HTTP.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RenderAttribute : Attribute
{
    /// <summary>When to render: every page (the default), or only when its static HTML lacks a required value.</summary>
    public RenderMode Mode { get; set; } = RenderMode.Always;

    /// <summary>The page event the render waits for before anything else (default: the <c>load</c> event).</summary>
    public RenderWaitUntil WaitUntil { get; set; } = RenderWaitUntil.Load;

    /// <summary>A CSS selector that must match an element before the page is taken (checked at compile time); <see langword="null"/> for none.</summary>
    public string? WaitForSelector { get; set; }

    /// <summary>
    /// A JavaScript expression evaluated in the page until it is truthy, after the <see cref="WaitUntil"/> event and
    /// the <see cref="WaitForSelector"/> (for example <c>window.app?.ready === true</c>); <see langword="null"/> for none.
    /// </summary>
    public string? WaitForScript { get; set; }

    /// <summary>
    /// A fixed wait, in seconds, after every other wait condition and before any click (for pages that settle on a
    /// timer and show it no other way); 0 (the default) for none. Counts within <see cref="TimeoutSeconds"/>.
    /// </summary>
    public double WaitSeconds { get; set; }

    /// <summary>
    /// A CSS selector of a "load more" control: while it matches a visible element, it is clicked (at most
    /// <see cref="MaxClicks"/> times) and the page is given time to settle; <see langword="null"/> for none.
    /// </summary>
    public string? ClickSelector { get; set; }

    /// <summary>The most clicks on <see cref="ClickSelector"/> per page (at least 1).</summary>
    public int MaxClicks { get; set; } = RenderSpec.DefaultMaxClicks;

    /// <summary>
    /// The longest a render may take, in seconds, from loading the HTML to taking the DOM (waits and clicks included):
    /// a page that never settles fails with <see cref="FailureReason.Timeout"/>.
    /// </summary>
    public double TimeoutSeconds { get; set; } = RenderSpec.DefaultTimeoutSeconds;

    /// <summary>Resource types the browser does not load (images, fonts and media by default: extraction never needs them).</summary>
    public RenderResources Block { get; set; } = RenderSpec.DefaultBlock;
}
