namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// A worker needs an origin's robots.txt: claim it for this worker to fetch, or read it as another worker stored it
/// (<see cref="ToStore"/> <see langword="null"/>); or store what this worker fetched (<see cref="SharedRobots"/>).
/// </summary>
/// <param name="origin">Scheme and authority.</param>
/// <param name="toStore">The file this worker fetched, to store; <see langword="null"/> to claim or read.</param>
internal sealed class RobotsWork(string origin, FetchedRobots? toStore) : StoreWork
{
    public string Origin { get; } = origin;

    public FetchedRobots? ToStore { get; } = toStore;

    /// <summary>Whether this worker is to fetch the file, or the file as stored (<see langword="null"/> while another worker fetches it).</summary>
    public TaskCompletionSource<(bool Claimed, FetchedRobots? Stored)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool Urgent => true;

    public override void Fail(Exception error) => Done.TrySetException(error);
}
