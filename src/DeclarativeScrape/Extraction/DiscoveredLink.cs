namespace DeclarativeScrape;

/// <summary>A link found by a <see cref="FollowAttribute"/> property while a page was extracted.</summary>
/// <param name="PageType">The page type the link leads to.</param>
/// <param name="Href">The attribute value as written in the page.</param>
/// <param name="Url">The resolved absolute http(s) URL, or <see langword="null"/> when <paramref name="Href"/> is not one (the runtime records it as skipped, <see cref="SkipReason.InvalidUrl"/>).</param>
/// <param name="Property">The property that found it.</param>
public readonly record struct DiscoveredLink(Type PageType, string Href, Uri? Url, string Property)
{
    /// <summary>The values the linking page carries to the linked one (<see cref="FollowAttribute.Carry"/>); <see langword="null"/> for none.</summary>
    public CarriedValues? Carried { get; init; }
}
