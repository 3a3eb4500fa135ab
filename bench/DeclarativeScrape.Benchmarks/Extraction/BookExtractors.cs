using AngleSharp.Dom;
using DeclarativeScrape.Benchmarks.Extraction.Reflection;

namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>The three ways of extracting a <see cref="BookPage"/> that the extraction benchmarks compare.</summary>
public static class BookExtractors
{
    /// <summary>The generated extractor, as the runtime calls it: a fresh context per page (no failure is expected).</summary>
    /// <param name="document">The parsed page.</param>
    /// <param name="url">The page URL.</param>
    /// <returns>The book.</returns>
    public static BookPage Generated(IDocument document, Uri url)
    {
        var context = new ExtractionContext(url);
        return BookPage.Extract(document, context) ?? throw new ExtractionException(context.Failures);
    }

    /// <summary>The hand-written extractor (<see cref="HandWrittenBookExtractor"/>).</summary>
    /// <param name="document">The parsed page.</param>
    /// <param name="url">The page URL.</param>
    /// <returns>The book.</returns>
    public static BookPage HandWritten(IDocument document, Uri url) => HandWrittenBookExtractor.Extract(document, url);

    /// <summary>The reflection-based mapper (<see cref="ReflectionMapper"/>).</summary>
    /// <param name="document">The parsed page.</param>
    /// <param name="url">The page URL.</param>
    /// <returns>The book.</returns>
    public static BookPage Reflection(IDocument document, Uri url) => ReflectionMapper.Map<BookPage>(document, url);

    /// <summary>
    /// Checks that the three extractors produce equal books on every page, and that those are the demo site's ground
    /// truth, so the benchmarks compare the same work. Throws naming the first page and extractor that disagree.
    /// </summary>
    /// <param name="pages">The saved pages.</param>
    /// <param name="documents">The pages parsed, in the same order.</param>
    public static void VerifyAgreement(IReadOnlyList<SavedPage> pages, IReadOnlyList<IDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(documents);
        var reviews = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var expected = Expected(page);
            reviews += expected.Reviews.Count;
            Check("generated", Generated(documents[i], page.Url), expected, page.Url);
            Check("hand-written", HandWritten(documents[i], page.Url), expected, page.Url);
            Check("reflection", Reflection(documents[i], page.Url), expected, page.Url);
        }

        if (reviews == 0)
        {
            throw new InvalidOperationException("The saved pages hold no review: the nested list would not be measured.");
        }
    }

    private static BookPage Expected(SavedPage page)
    {
        var truth = page.Truth;
        return new BookPage
        {
            Title = truth.Title,
            Price = truth.Price,
            Availability = truth.Availability,
            Rating = Enum.Parse<Rating>(truth.Rating),
            Upc = truth.Upc,
            Category = truth.Category,
            Cover = truth.Cover,
            Reviews = [.. truth.Reviews.Select(r => new Review
            {
                Author = r.Author,
                Date = r.Date.ToDateTime(TimeOnly.MinValue),
                Rating = Enum.Parse<Rating>(r.Rating),
                Text = r.Text,
            })],
            Url = page.Url,
        };
    }

    private static void Check(string extractor, BookPage actual, BookPage expected, Uri url)
    {
        if (!BookPageEquality.AreEqual(actual, expected))
        {
            throw new InvalidOperationException(
                $"The {extractor} extractor disagrees with the ground truth on {url}:\n  got      {Describe(actual)}\n  expected {Describe(expected)}");
        }
    }

    private static string Describe(BookPage page) =>
        page with { Reviews = [] } + " reviews: [" + string.Join(", ", page.Reviews) + "]";
}
