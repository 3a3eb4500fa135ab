namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>A star rating, written as a class name on the demo bookstore (<c>star-rating Three</c>).</summary>
public enum Rating
{
    /// <summary>One star.</summary>
    One = 1,

    /// <summary>Two stars.</summary>
    Two,

    /// <summary>Three stars.</summary>
    Three,

    /// <summary>Four stars.</summary>
    Four,

    /// <summary>Five stars.</summary>
    Five,
}
