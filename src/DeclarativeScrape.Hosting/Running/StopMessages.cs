namespace DeclarativeScrape.Hosting;

/// <summary>What the host prints when asked to stop: each says exactly what happens next.</summary>
internal static class StopMessages
{
    public const string QuitAtOnce = "Quitting at once: the summary is lost; items already written are kept.";

    /// <summary>The first Ctrl+C, SIGTERM or cancellation.</summary>
    public static string Graceful(StopReason reason, TimeSpan drain)
    {
        var inFlight = drain > TimeSpan.Zero
            ? $"the requests in flight may finish for up to {Seconds(drain)} (--drain-timeout), then they are cancelled"
            : "the requests in flight are cancelled (--drain-timeout 0)";
        return reason == StopReason.Cancelled || drain <= TimeSpan.Zero
            ? $"{(reason == StopReason.Cancelled ? "Cancelled" : Name(reason))}: stopping. No new requests; {inFlight}."
            : $"{Name(reason)}: stopping. No new requests; {inFlight}. Press Ctrl+C again to cancel them now.";
    }

    /// <summary>The second signal.</summary>
    public static string CancelRequests(StopReason reason) =>
        $"{Name(reason)} again: cancelling the requests in flight; the summary follows. Press Ctrl+C once more to quit at once (the summary is lost).";

    private static string Name(StopReason reason) => reason == StopReason.Terminated ? "SIGTERM" : "Ctrl+C";

    private static string Seconds(TimeSpan value) =>
        value.TotalSeconds == Math.Floor(value.TotalSeconds)
            ? $"{value.TotalSeconds:0} s"
            : $"{value.TotalSeconds:0.###} s";
}
