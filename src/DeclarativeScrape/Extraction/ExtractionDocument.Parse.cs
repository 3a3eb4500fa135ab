using AngleSharp.Dom;

namespace DeclarativeScrape;

/// <summary>Extraction of a generated page or item type from HTML, for tests on saved pages and one-off use.</summary>
public static partial class ExtractionDocument
{
    /// <summary>
    /// Parses <paramref name="html"/> as the page at <paramref name="url"/> and extracts a <typeparamref name="T"/>,
    /// for tests on saved pages and one-off use. The document is disposed before returning.
    /// </summary>
    /// <typeparam name="T">A generated page or item type.</typeparam>
    /// <param name="html">The page's HTML.</param>
    /// <param name="url">The page's absolute URL; relative URLs resolve against it (or its <c>&lt;base href&gt;</c>).</param>
    /// <returns>The extracted value.</returns>
    /// <exception cref="ExtractionException">A required value is missing or does not convert; lists every failure.</exception>
    public static T Parse<T>(string html, Uri url) where T : IExtractable<T>
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(url);
        using var document = ParseHtml(html);
        return Extract<T>(document, url);
    }

    /// <summary>
    /// Decodes a saved page's bytes as the crawl does (<see cref="ParseHtml(ReadOnlySpan{byte}, string?)"/>), parses
    /// them as the page at <paramref name="url"/> and extracts a <typeparamref name="T"/>.
    /// </summary>
    /// <typeparam name="T">A generated page or item type.</typeparam>
    /// <param name="html">The page's bytes, as saved from the server.</param>
    /// <param name="url">The page's absolute URL; relative URLs resolve against it (or its <c>&lt;base href&gt;</c>).</param>
    /// <param name="contentType">The <c>Content-Type</c> header it was served with, or <see langword="null"/> when unknown.</param>
    /// <returns>The extracted value.</returns>
    /// <exception cref="ExtractionException">A required value is missing or does not convert; lists every failure.</exception>
    public static T Parse<T>(byte[] html, Uri url, string? contentType = null) where T : IExtractable<T>
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(url);
        using var document = ParseHtml(html, contentType);
        return Extract<T>(document, url);
    }

    private static T Extract<T>(IDocument document, Uri url) where T : IExtractable<T>
    {
        var context = CreateContext(document, url);
        var result = T.Extract(document, context);
        if (result is null || context.HasFailures)
        {
            throw new ExtractionException(context.HasFailures
                ? context.Failures
                : [new ExtractionFailure(url, typeof(T).Name, null, "the extractor returned no value")]);
        }

        return result;
    }
}
