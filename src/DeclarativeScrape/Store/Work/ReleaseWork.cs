namespace DeclarativeScrape;

/// <summary>The run stops: the next chunk of a host's queued URLs, reported to the run and forgotten for this run (they stay queued in the state).</summary>
/// <param name="host">The host.</param>
internal sealed class ReleaseWork(HostQueue host) : StoreWork
{
    public HostQueue Host { get; } = host;

    /// <summary>Completes with the chunk, and whether the host has more to release.</summary>
    public TaskCompletionSource<(List<FrontierLease> Released, bool More)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool Urgent => true;

    public override void Fail(Exception error) => Done.TrySetException(error);
}
