namespace DeclarativeScrape;

/// <summary>URLs that enter without a page completing (the start URLs): admitted in a group's transaction.</summary>
/// <param name="candidates">The candidates; each one's verdict is written back before <see cref="Done"/> completes.</param>
internal sealed class AdmitWork(List<FrontierCandidate> candidates) : StoreWork
{
    public List<FrontierCandidate> Candidates { get; } = candidates;

    /// <summary>Completes once the admission committed.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool IsWrite => true;

    /// <summary>The run waits for its start URLs: they are committed at once.</summary>
    public override bool Urgent => true;

    public override void Fail(Exception error) => Done.TrySetException(error);
}
