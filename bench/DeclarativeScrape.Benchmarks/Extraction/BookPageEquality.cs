namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>
/// Structural equality of <see cref="BookPage"/>s: a record compares its <c>Reviews</c> list by reference, so the
/// reviews are compared element by element (<see cref="Review"/> is a record of scalars).
/// </summary>
public static class BookPageEquality
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> hold the same values, reviews included.</summary>
    /// <param name="a">One page.</param>
    /// <param name="b">The other.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool AreEqual(BookPage? a, BookPage? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return a with { Reviews = [] } == b with { Reviews = [] } && a.Reviews.SequenceEqual(b.Reviews);
    }
}
