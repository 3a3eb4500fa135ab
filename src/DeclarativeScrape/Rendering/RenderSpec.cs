namespace DeclarativeScrape;

/// <summary>
/// How a page type is rendered: the <see cref="RenderAttribute"/> of a page type, as the generator writes it into the
/// crawl plan (<see cref="PageType{TItem}.Render"/>), with the names of the type's required properties for
/// <see cref="RenderMode.WhenNeeded"/>.
/// </summary>
public sealed class RenderSpec
{
    /// <summary>The default of <see cref="MaxClicks"/>.</summary>
    public const int DefaultMaxClicks = 10;

    /// <summary>The default of <see cref="Timeout"/>, in seconds.</summary>
    public const double DefaultTimeoutSeconds = 30;

    /// <summary>The default of <see cref="Block"/>: images, fonts and media.</summary>
    public const RenderResources DefaultBlock = RenderResources.Images | RenderResources.Fonts | RenderResources.Media;

    /// <summary>When to render.</summary>
    public RenderMode Mode { get; init; } = RenderMode.Always;

    /// <summary>The page event to wait for.</summary>
    public RenderWaitUntil WaitUntil { get; init; } = RenderWaitUntil.Load;

    /// <summary>A CSS selector that must match before the page is taken, or <see langword="null"/>.</summary>
    public string? WaitForSelector { get; init; }

    /// <summary>A JavaScript expression that must become truthy before the page is taken, or <see langword="null"/>.</summary>
    public string? WaitForScript { get; init; }

    /// <summary>A fixed wait after the other conditions (<see cref="TimeSpan.Zero"/> for none).</summary>
    public TimeSpan Wait { get; init; }

    /// <summary>A CSS selector clicked while it matches a visible element, or <see langword="null"/>.</summary>
    public string? ClickSelector { get; init; }

    /// <summary>The most clicks on <see cref="ClickSelector"/> per page.</summary>
    public int MaxClicks { get; init; } = DefaultMaxClicks;

    /// <summary>The longest a render may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>Resource types not loaded.</summary>
    public RenderResources Block { get; init; } = DefaultBlock;

    /// <summary>
    /// The page type's required properties (non-nullable: a missing value is an extraction failure). With
    /// <see cref="RenderMode.WhenNeeded"/>, a page is rendered when one of these fails on its static HTML.
    /// </summary>
    public IReadOnlyList<string> RequiredProperties { get; init; } = [];

    /// <summary>Whether a failure of <paramref name="propertyPath"/> (a path such as <c>Title</c> or <c>Detail.Name</c>) is a required property's.</summary>
    /// <param name="propertyPath">The failure's property path.</param>
    /// <returns>Whether its first segment is one of <see cref="RequiredProperties"/>.</returns>
    public bool IsRequired(string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(propertyPath);
        var end = propertyPath.AsSpan().IndexOfAny('.', '[');
        var name = end < 0 ? propertyPath.AsSpan() : propertyPath.AsSpan(0, end);
        foreach (var required in RequiredProperties)
        {
            if (name.SequenceEqual(required))
            {
                return true;
            }
        }

        return false;
    }
}
