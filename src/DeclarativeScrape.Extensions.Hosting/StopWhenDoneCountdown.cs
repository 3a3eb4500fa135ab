namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>Counts down the background scrapers that stop the application when done; the last one to end stops it.</summary>
internal sealed class StopWhenDoneCountdown(IEnumerable<StopWhenDone> scrapers)
{
    private int _remaining = scrapers.Count();

    /// <summary>One of them has ended; whether it was the last.</summary>
    public bool Signal() => Interlocked.Decrement(ref _remaining) == 0;
}
