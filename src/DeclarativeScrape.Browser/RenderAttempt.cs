namespace DeclarativeScrape.Browser;

/// <summary>How one render attempt ended: the HTML, or a crash (retried), a timeout, a failure, a cancellation.</summary>
internal readonly record struct RenderAttempt(RenderStatus Status, string? Html, string? Message)
{
    public static RenderAttempt Cancelled => new(RenderStatus.Cancelled, null, "the run stopped during the render");

    public static RenderAttempt Rendered(string html) => new(RenderStatus.Rendered, html, null);

    public static RenderAttempt Crash(string message) => new(RenderStatus.Crashed, null, message);

    public static RenderAttempt Timeout(string message) => new(RenderStatus.TimedOut, null, message);

    public static RenderAttempt Failure(string message) => new(RenderStatus.Failed, null, message);
}
