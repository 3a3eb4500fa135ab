namespace DeclarativeScrape;

/// <summary>
/// A retry waiting for admission: the attempt that follows a backoff holds no slot while it waits, and asks the
/// dispatcher for one again like a fresh URL (ahead of them). Completed with the host gate's sequence number.
/// </summary>
internal sealed class RetryTicket() : TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
