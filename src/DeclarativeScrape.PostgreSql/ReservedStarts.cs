namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// The start times one worker reserved on one host from the host's rate, which the database holds for every worker
/// together (GCRA: the host row's theoretical arrival time, <c>host.tat</c>). A worker reserves a few at a time
/// (<see cref="BatchFor"/>, about <see cref="Horizon"/> ahead); each may be used from its time until one interval later,
/// then it is lost, so a worker that fell behind never sends its missed starts at once.
/// </summary>
/// <remarks>
/// <para>GCRA with interval T and burst b (tolerance τ = (b − 1)·T): a request at time t conforms when t ≥ tat − τ, and
/// moves tat to max(tat, t) + T. Reserving n starts at the database's time t moves tat from tat₀ to base + n·T, where
/// base = max(tat₀, t); the j-th start is at max(t, base + j·T − τ): exactly the times n requests made as early as
/// allowed would have had. So the starts of all workers together never exceed the rate, whichever worker holds them.</para>
/// <para>The database answers with tat − now; the worker places the starts on its own clock from the moment the answer
/// arrived, which can only make them later (the answer's travel), never earlier. Clocks of different machines are never
/// compared.</para>
/// <para>Not thread-safe: <see cref="SharedHosts"/> holds its lock around every call.</para>
/// </remarks>
internal sealed class ReservedStarts
{
    /// <summary>About how far ahead a worker reserves: short, since starts it does not use are lost to every worker.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromMilliseconds(250);

    /// <summary>The most starts reserved at once.</summary>
    public const int MaxBatch = 8;

    private readonly LinkedList<(long At, long Until)> _starts = new();

    /// <summary>Whether a reservation is on its way (at most one at a time).</summary>
    public bool Reserving { get; set; }

    /// <summary>How many starts to reserve at once for <paramref name="pace"/>: about <see cref="Horizon"/>'s worth, 1 to <see cref="MaxBatch"/>.</summary>
    public static int BatchFor(HostPace pace) => Math.Clamp((int)Math.Ceiling(Horizon / pace.Interval), 1, MaxBatch);

    /// <summary>
    /// The times of <paramref name="count"/> starts reserved at once, from the moment of the reservation, given the
    /// host's theoretical arrival time after it (<paramref name="ahead"/> of the database's time).
    /// </summary>
    public static TimeSpan[] Offsets(HostPace pace, int count, TimeSpan ahead)
    {
        var first = ahead - (pace.Interval * count);
        var tolerance = pace.Interval * (pace.Burst - 1);
        var offsets = new TimeSpan[count];
        for (var j = 0; j < count; j++)
        {
            var at = first + (pace.Interval * j) - tolerance;
            offsets[j] = at > TimeSpan.Zero ? at : TimeSpan.Zero;
        }

        return offsets;
    }

    /// <summary>Adds reserved starts, placed on the worker's clock from <paramref name="now"/>.</summary>
    public void Add(TimeProvider time, long now, HostPace pace, TimeSpan[] offsets)
    {
        var lasts = Ticks(time, pace.Interval);
        foreach (var offset in offsets)
        {
            var at = now + Ticks(time, offset);
            var node = _starts.Last;
            while (node is not null && node.Value.At > at)
            {
                node = node.Previous;
            }

            if (node is null)
            {
                _starts.AddFirst((at, at + lasts));
            }
            else
            {
                _starts.AddAfter(node, (at, at + lasts));
            }
        }
    }

    /// <summary>Takes the earliest start that has come; starts whose time has passed are dropped.</summary>
    /// <param name="time">The worker's clock.</param>
    /// <param name="now">Its time now.</param>
    /// <param name="taken">The start taken, for <see cref="GiveBack"/>.</param>
    /// <param name="wait">When the next start is ahead: how long until it comes; zero when there is none.</param>
    public bool TryTake(TimeProvider time, long now, out (long At, long Until) taken, out TimeSpan wait)
    {
        taken = default;
        wait = TimeSpan.Zero;
        Expire(now);
        if (_starts.First is not { } first)
        {
            return false;
        }

        if (first.Value.At > now)
        {
            wait = time.GetElapsedTime(now, first.Value.At);
            return false;
        }

        taken = first.Value;
        _starts.RemoveFirst();
        return true;
    }

    /// <summary>A start taken was not used (the host's own gate refused the request): it goes back, while it lasts.</summary>
    public void GiveBack((long At, long Until) taken) => _starts.AddFirst(taken);

    /// <summary>Starts held that have not passed.</summary>
    public int Held(long now)
    {
        Expire(now);
        return _starts.Count;
    }

    private void Expire(long now)
    {
        while (_starts.First is { } first && first.Value.Until <= now)
        {
            _starts.RemoveFirst();
        }
    }

    private static long Ticks(TimeProvider time, TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);
}
