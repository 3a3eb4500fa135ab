namespace DeclarativeScrape;

/// <summary>When a <see cref="RenderAttribute"/> page type is rendered.</summary>
public enum RenderMode
{
    /// <summary>Every page of the type is rendered.</summary>
    Always,

    /// <summary>
    /// Each page is extracted from its static HTML first and rendered only when a required property (a non-nullable
    /// one) fails there; the page's outcome records the decision (<see cref="UrlOutcome.Render"/>).
    /// </summary>
    WhenNeeded,
}
