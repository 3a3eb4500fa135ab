namespace DeclarativeScrape.Examples.Bookstore;

/// <summary>A star rating, read from the class name the site uses (<c>star-rating Three</c>).</summary>
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
