namespace DeclarativeScrape;

/// <summary>
/// Events per second over the last few seconds: one counter per second in a small ring, on the injected clock.
/// Lock-free and approximate at second boundaries, which a progress display does not mind.
/// </summary>
internal sealed class RateWindow(TimeProvider time)
{
    public const int Seconds = 5;

    private readonly long[] _counts = new long[Seconds + 1];
    private readonly long[] _stamps = new long[Seconds + 1];
    private readonly long _origin = time.GetTimestamp();

    public void Add()
    {
        var second = CurrentSecond();
        var slot = (int)(second % _counts.Length);
        if (Volatile.Read(ref _stamps[slot]) != second)
        {
            Volatile.Write(ref _counts[slot], 0);
            Volatile.Write(ref _stamps[slot], second);
        }

        Interlocked.Increment(ref _counts[slot]);
    }

    /// <summary>The rate over the last <see cref="Seconds"/> whole seconds (or since the start, when shorter).</summary>
    public double PerSecond()
    {
        var second = CurrentSecond();
        long sum = 0;
        for (var back = 1; back <= Seconds; back++)
        {
            var wanted = second - back;
            if (wanted < 0)
            {
                break;
            }

            var slot = (int)(wanted % _counts.Length);
            if (Volatile.Read(ref _stamps[slot]) == wanted)
            {
                sum += Volatile.Read(ref _counts[slot]);
            }
        }

        var span = Math.Min(Seconds, second);
        if (span == 0)
        {
            var elapsed = time.GetElapsedTime(_origin).TotalSeconds;
            var current = Volatile.Read(ref _counts[(int)(second % _counts.Length)]);
            return elapsed > 0 ? current / elapsed : 0;
        }

        return sum / (double)span;
    }

    private long CurrentSecond() => (long)time.GetElapsedTime(_origin).TotalSeconds;
}
