namespace DeclarativeScrape;

/// <summary>One value that could not be extracted from a page.</summary>
/// <param name="Url">The page URL.</param>
/// <param name="Property">The property path, for example <c>Price</c> or <c>Reviews[2].Author</c>.</param>
/// <param name="Selector">The CSS selector of the property, or <see langword="null"/> when it has none (a converter failure on <c>[PageUrl]</c>, say).</param>
/// <param name="Message">What went wrong, for example <c>no element matched</c> or <c>'abc' is not a decimal</c>.</param>
public sealed record ExtractionFailure(Uri Url, string Property, string? Selector, string Message)
{
    /// <summary>A one-line description naming the URL, the property and the selector.</summary>
    public override string ToString() =>
        Selector is null
            ? $"{Url}: {Property}: {Message}"
            : $"{Url}: {Property} (selector '{Selector}'): {Message}";
}
