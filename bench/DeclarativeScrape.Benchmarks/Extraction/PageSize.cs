namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>Which book pages an extraction benchmark runs on.</summary>
public enum PageSize
{
    /// <summary>The demo bookstore's book pages as served (about 8 KB of HTML each).</summary>
    Demo,

    /// <summary>
    /// The same pages with a "recommended for you" block of 60 product cards (the catalogue's listing markup) after
    /// the reviews, as large shops have: about 8 times the HTML and the DOM. No extracted value changes.
    /// </summary>
    Large,
}
