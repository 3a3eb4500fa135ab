namespace DeclarativeScrape;

/// <summary>An <see cref="ISubresourceGate"/>'s answer for one request: allowed (then completed once it ended) or blocked.</summary>
public sealed class SubresourceTicket
{
    private static readonly SubresourceTicket Free = new(null, null);

    private Action<int?>? _complete;

    private SubresourceTicket(string? blockedBecause, Action<int?>? complete)
    {
        BlockedBecause = blockedBecause;
        _complete = complete;
    }

    /// <summary>Whether the request may go out.</summary>
    public bool IsAllowed => BlockedBecause is null;

    /// <summary>Why the request is blocked (outside the allowed hosts, disallowed by robots.txt); <see langword="null"/> when allowed.</summary>
    public string? BlockedBecause { get; }

    /// <summary>An allowed request.</summary>
    /// <param name="complete">Called once when the request ended, with its status code (<see langword="null"/> for none): gives its slot back.</param>
    /// <returns>The ticket.</returns>
    public static SubresourceTicket Allowed(Action<int?>? complete = null) => complete is null ? Free : new SubresourceTicket(null, complete);

    /// <summary>A blocked request.</summary>
    /// <param name="reason">Why, for logs and counts.</param>
    /// <returns>The ticket.</returns>
    public static SubresourceTicket Blocked(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new SubresourceTicket(reason, null);
    }

    /// <summary>Tells the gate the request ended (its slot goes back); later calls do nothing.</summary>
    /// <param name="statusCode">The response's status code, <see langword="null"/> when none came.</param>
    public void Complete(int? statusCode) => Interlocked.Exchange(ref _complete, null)?.Invoke(statusCode);
}
