namespace DeclarativeScrape.Tests;

/// <summary>Assertions on when a server saw requests, that hold however slowly the machine delivers them.</summary>
public static class ArrivalAssertions
{
    /// <summary>
    /// Asserts that no request arrived before a token bucket (full at <paramref name="start"/> with
    /// <paramref name="burst"/> tokens, one more <paramref name="every"/>) could have let it go: the k-th arrival
    /// comes no sooner than the k-th token.
    /// </summary>
    /// <remarks>
    /// Each request arrives no sooner than it was sent, so the k-th earliest arrival is no sooner than the k-th
    /// earliest sending, which a working bucket holds back until its k-th token. A slow machine only delays arrivals,
    /// so this never fails a correct crawl; a crawl that ignores the bucket sends everything at once and fails it.
    /// </remarks>
    /// <param name="arrivals">Arrival times, in order.</param>
    /// <param name="start">A time no later than the first request of the crawl.</param>
    /// <param name="burst">The bucket's size.</param>
    /// <param name="every">The interval between tokens.</param>
    public static void ShouldArriveNoSoonerThanTheirTokens(this IReadOnlyList<DateTimeOffset> arrivals, DateTimeOffset start, int burst, TimeSpan every)
    {
        for (var k = burst; k < arrivals.Count; k++)
        {
            var token = start + (every * (k + 1 - burst));
            arrivals[k].ShouldBeGreaterThanOrEqualTo(token, $"request {k + 1} of {arrivals.Count} arrived {(token - arrivals[k]).TotalMilliseconds:0} ms before its token (a burst of {burst}, then one every {every.TotalMilliseconds:0} ms)");
        }
    }
}
