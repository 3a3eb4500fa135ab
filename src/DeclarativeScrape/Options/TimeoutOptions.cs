namespace DeclarativeScrape;

/// <summary>Time limits of one request attempt, and of the requests in flight when a run stops.</summary>
public sealed class TimeoutOptions
{
    /// <summary>The default of <see cref="Request"/>, in seconds.</summary>
    public const double DefaultRequestSeconds = 60;

    /// <summary>The default of <see cref="ReadIdle"/>, in seconds.</summary>
    public const double DefaultReadIdleSeconds = 10;

    /// <summary>The default of <see cref="Connect"/>, in seconds.</summary>
    public const double DefaultConnectSeconds = 10;

    /// <summary>The default of <see cref="Drain"/>, in seconds.</summary>
    public const double DefaultDrainSeconds = 10;

    /// <summary>The whole attempt, from sending the request to the last byte of the body.</summary>
    public TimeSpan Request { get; set; } = TimeSpan.FromSeconds(DefaultRequestSeconds);

    /// <summary>The longest wait for the next bytes, before the headers or between two chunks of the body.</summary>
    public TimeSpan ReadIdle { get; set; } = TimeSpan.FromSeconds(DefaultReadIdleSeconds);

    /// <summary>Establishing the connection.</summary>
    public TimeSpan Connect { get; set; } = TimeSpan.FromSeconds(DefaultConnectSeconds);

    /// <summary>
    /// How long the requests in flight may go on after the run is asked to stop gracefully (its cancellation token, or
    /// <see cref="ScrapeRun{TItem}.Stop"/>): no new request starts, the ones in flight finish and their pages are
    /// extracted; those still running after this long are cancelled (their URLs are <see cref="SkipReason.Cancelled"/>).
    /// <see cref="TimeSpan.Zero"/> cancels them at once. 10 seconds by default.
    /// </summary>
    public TimeSpan Drain { get; set; } = TimeSpan.FromSeconds(DefaultDrainSeconds);

    internal void Validate(string prefix)
    {
        if (Drain < TimeSpan.Zero)
        {
            throw new ScrapeOptionsException(prefix + nameof(Drain), $"must not be negative, was {Drain}.");
        }

        Positive(Request, prefix + nameof(Request));
        Positive(ReadIdle, prefix + nameof(ReadIdle));
        Positive(Connect, prefix + nameof(Connect));
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ScrapeOptionsException(name, $"must be positive, was {value}.");
        }
    }
}
