using System.Buffers;

namespace DeclarativeScrape;

/// <summary>
/// What every store that keeps a crawl in a database has in common (the state directory's <see cref="SqliteCrawlStore{TItem}"/>,
/// a shared crawl's store in PostgreSQL): one thread owns the database connection, and every caller's work goes to it
/// through a <see cref="GroupCommit"/>, which commits admissions and completions in groups; the run leases from per-host
/// windows (<see cref="HostWindows"/>) that the thread refills, so that <see cref="TryLease"/> never waits on I/O.
/// </summary>
/// <remarks>
/// <para>A derived store builds its connection and state in its constructor, sets <see cref="Admission"/>, then calls
/// <see cref="StartLoop"/>. The thread takes groups of work and hands them to <see cref="Process"/>; an exception there
/// breaks the store (<see cref="Break"/>): every waiting and later caller gets the error, and the run is told to stop.</para>
/// </remarks>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
internal abstract class PersistentCrawlStore<TItem> : ICrawlStore<TItem>
{
    private readonly Action<Exception> _failed;
    private readonly ArrayBufferWriter<byte> _scratch = new(4096);
    private Task _loop = Task.CompletedTask;

    /// <param name="time">The clock of the group commits.</param>
    /// <param name="failed">Called (on the store's thread) when the store broke: the run must stop.</param>
    /// <param name="windowCapacity">The most next URLs a host keeps in memory.</param>
    /// <param name="refillAt">A host's window is refilled when it holds this many or fewer.</param>
    protected PersistentCrawlStore(TimeProvider time, Action<Exception> failed, int windowCapacity = HostWindows.WindowCapacity, int refillAt = HostWindows.RefillAt)
    {
        _failed = failed;
        Windows = new HostWindows(host => Work!.TryAdd(new RefillWork(host)), windowCapacity, refillAt);
        Work = new GroupCommit(time, queued => Windows.Leased - queued);
    }

    /// <summary>The per-host windows of next URLs, and the store's counts.</summary>
    protected HostWindows Windows { get; }

    /// <summary>The queue to the store's thread.</summary>
    protected GroupCommit Work { get; }

    /// <summary>The admission rule and its count; set by the derived constructor.</summary>
    protected AdmissionPolicy Admission { get; set; } = default!;

    /// <summary>Why the store broke, or <see langword="null"/> while it works.</summary>
    protected Exception? Broken { get; private set; }

    /// <summary>What the database held when it was opened, when earlier runs or other workers had used it.</summary>
    public ResumedState? Resumed { get; protected init; }

    public virtual FrontierCounts Counts => Windows.Counts(Admission.Admitted);

    public virtual SharedCrawlSummary? Shared => null;

    public virtual ISharedPoliteness? Politeness => null;

    public virtual ISharedRobots? Robots => null;

    public void CommitNow() => Work.CommitNow();

    public ValueTask AdmitAsync(List<FrontierCandidate> candidates, CancellationToken cancellationToken)
    {
        var work = new AdmitWork(candidates);
        Submit(work);
        return new ValueTask(work.Done.Task);
    }

    public ValueTask<CompletionResult> CompleteAsync(PageCompletion<TItem> page, CancellationToken cancellationToken)
    {
        var work = new CompleteWork<TItem>(page);
        Submit(work);
        return new ValueTask<CompletionResult>(work.Done.Task);
    }

    public bool TryLease(string host, out FrontierLease lease) => Windows.TryLease(host, out lease);

    public long QueuedFor(string host) => Windows.QueuedFor(host);

    public IReadOnlyList<string> QueuedHosts() => Windows.QueuedHosts();

    /// <summary>
    /// Reports every URL this run still had to fetch (the windows, then what the store's thread releases from the
    /// database, chunk by chunk) and forgets them for this run; in the database they stay to fetch.
    /// </summary>
    public async IAsyncEnumerable<FrontierLease> ReleaseQueuedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var host in Windows.HostsWithQueued())
        {
            // On the store's thread, after any refill already queued for the host, so none lands after the release.
            var more = true;
            while (more)
            {
                var work = new ReleaseWork(host);
                Submit(work);
                (var released, more) = await work.Done.Task.ConfigureAwait(false);
                foreach (var lease in released)
                {
                    yield return lease;
                }
            }
        }
    }

    /// <summary>Commits what is queued, lets the store finish (<see cref="OnClosedAsync"/>), then frees its resources (<see cref="Release"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await OnClosingAsync().ConfigureAwait(false);
        Work.Close();
        try
        {
            await _loop.ConfigureAwait(false);
            if (Broken is null)
            {
                await OnClosedAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Work.Dispose();
            Release();
        }
    }

    /// <summary>Starts the store's thread; the last step of the derived constructor.</summary>
    protected void StartLoop() =>
        _loop = Task.Factory.StartNew(static s => ((PersistentCrawlStore<TItem>)s!).Loop(), this, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Queues work for the store's thread.</summary>
    /// <exception cref="ObjectDisposedException">The store is closed.</exception>
    protected void Submit(StoreWork work)
    {
        if (!Work.TryAdd(work))
        {
            throw new ObjectDisposedException(GetType().Name, "The state store is closed.");
        }
    }

    /// <summary>Does one group of work on the store's thread (also once the store broke: each store decides what it can still answer).</summary>
    protected abstract void Process(List<StoreWork> batch);

    /// <summary>The store's error as its callers get it: <paramref name="error"/>, or an exception that names the state and wraps it.</summary>
    protected abstract Exception Describe(Exception error);

    /// <summary>Before the queue closes: timers that add work stop.</summary>
    protected virtual ValueTask OnClosingAsync() => ValueTask.CompletedTask;

    /// <summary>On the store's thread, after the last group, when the store is not broken.</summary>
    protected virtual void OnLoopEnded()
    {
    }

    /// <summary>After the store's thread ended, when the store is not broken.</summary>
    protected virtual ValueTask OnClosedAsync() => ValueTask.CompletedTask;

    /// <summary>Frees the connection and whatever else the store holds; last, whether or not it broke.</summary>
    protected abstract void Release();

    /// <summary>
    /// Encodes a completion's items with <paramref name="encoder"/>, before its transaction. An item whose format throws (a
    /// user's <c>IFormattable</c>, say) fails its page, not the run: the completion's result becomes an extraction failure
    /// without its items.
    /// </summary>
    /// <returns>One record per item; <see langword="null"/> when one could not be encoded.</returns>
    protected byte[][]? Encode(CompleteWork<TItem> work, ItemEncoder<TItem> encoder)
    {
        if (encoder.TryEncodeEach(work.Page.Items, _scratch, out var error) is { } records)
        {
            return records;
        }

        work.Result = CompletionResult.NotWritable(work.Page.Outcome, error!);
        return null;
    }

    /// <summary>The store cannot be used any more: every waiting caller and every later one gets the error, and the run is told to stop.</summary>
    protected void Break(Exception error, IEnumerable<StoreWork> waiting)
    {
        if (Broken is null)
        {
            Broken = Describe(error);
            _failed(Broken);
        }

        foreach (var work in waiting)
        {
            work.Fail(Broken);
        }
    }

    private void Loop()
    {
        var batch = new List<StoreWork>(GroupCommit.MaxBatch);
        while (Work.Take(batch))
        {
            try
            {
                Process(batch);
            }
            catch (Exception e)
            {
                Break(e, batch);
            }

            batch.Clear();
        }

        if (Broken is null)
        {
            OnLoopEnded();
        }
    }
}
