namespace DeclarativeScrape.Benchmarks.Extraction.Reflection;

/// <summary>What a mapped property reads, taken from its DeclarativeScrape attribute.</summary>
internal enum ReflectionSource
{
    /// <summary><c>[Text]</c>: the element's text content, whitespace collapsed.</summary>
    Text,

    /// <summary><c>[Attr]</c>: an attribute of the element.</summary>
    Attribute,

    /// <summary><c>[Items]</c>: each match mapped as a nested type.</summary>
    Items,

    /// <summary><c>[PageUrl]</c>: the page's URL.</summary>
    PageUrl,
}
