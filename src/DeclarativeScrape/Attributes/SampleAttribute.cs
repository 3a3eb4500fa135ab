namespace DeclarativeScrape;

/// <summary>
/// Names a saved page of this <see cref="PageAttribute"/> type. At build time, and live in the IDE, the type's
/// extraction runs on it exactly as a crawl would run it (same decoding, parser, selectors and conversions): a required
/// value it does not find or convert is a compile-time error at that property's selector, an optional value or a
/// <see cref="FollowAttribute"/> that finds nothing in any sample is a warning, and an expected-values file beside the
/// sample (<c>book-1.expected.json</c>) makes every differing value an error.
/// </summary>
/// <remarks>
/// The file must reach the compiler as an <c>AdditionalFiles</c> item: the package adds every <c>.html</c>, <c>.htm</c>
/// and <c>.expected.json</c> file under the project's <c>samples</c> folder (the <c>DeclarativeScrapeSamples</c>
/// property names another). See docs/authoring.md.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SampleAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="path">The saved page, relative to the project directory, for example <c>"samples/book-1.html"</c>.</param>
    public SampleAttribute(string path) => Path = path;

    /// <summary>The saved page's path, relative to the project directory.</summary>
    public string Path { get; }

    /// <summary>
    /// The URL the page was fetched from: relative links and URLs resolve against it (or its <c>&lt;base href&gt;</c>).
    /// Without it, the <c>url</c> of the expected-values file, else <c>https://sample.invalid/</c> and the file name.
    /// </summary>
    public string? Url { get; set; }
}
