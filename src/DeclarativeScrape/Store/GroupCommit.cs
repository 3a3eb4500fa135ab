namespace DeclarativeScrape;

/// <summary>
/// The queue between a persistent store and its one thread, which commits the writes in groups: whatever arrived while
/// the previous group was committing goes into the next transaction (at most <see cref="MaxBatch"/>). So throughput grows
/// with load instead of paying one commit per page.
/// </summary>
/// <remarks>
/// <para><see cref="Take"/> holds a group of writes back for up to <see cref="Window"/> (measured from its first write, on
/// the store's <see cref="TimeProvider"/>) while completions are known to be coming (URLs in flight), so that one
/// transaction commits many pages. A group is taken at once when it is full, when every URL in flight has reported, when
/// it holds work a caller waits for (<see cref="StoreWork.Urgent"/>, <see cref="CommitNow"/>), when other work is queued
/// (a refill, a tick), or when the queue closes.</para>
/// <para>A list under a monitor: waiting never spins (two cores shared with parse workers cannot afford it), and the
/// thread is woken only when it has something to do: work after idling, or a group that is complete.</para>
/// </remarks>
internal sealed class GroupCommit : IDisposable
{
    /// <summary>The most writes committed in one transaction.</summary>
    public const int MaxBatch = 512;

    /// <summary>
    /// How long a group of writes waits for more while URLs are in flight: throughput (one commit for many pages)
    /// against latency (a page's items and links are acknowledged when its group commits).
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(10);

    private readonly List<StoreWork> _items = [];
    private readonly TimeProvider _time;
    private readonly Func<int, long> _outstanding;
    private readonly ITimer _timer;
    private long _firstWriteAt;
    private int _writes;
    private int _completions;
    private bool _closed;
    private bool _now;
    private bool _idle;
    private bool _windowing;
    private bool _windowElapsed;

    /// <param name="time">The clock of the window.</param>
    /// <param name="outstanding">
    /// Given the completions queued now, how many more are coming (URLs leased and not yet reported); called under the
    /// queue's lock, so it must not take a lock that is held while adding work.
    /// </param>
    public GroupCommit(TimeProvider time, Func<int, long> outstanding)
    {
        _time = time;
        _outstanding = outstanding;
        _timer = time.CreateTimer(static s => ((GroupCommit)s!).WindowElapsed(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Queues work for the store's thread; <see langword="false"/> once closed.</summary>
    public bool TryAdd(StoreWork work)
    {
        lock (_items)
        {
            if (_closed)
            {
                return false;
            }

            if (work.IsWrite)
            {
                if (_writes++ == 0)
                {
                    OpenWindow();
                }

                if (work.IsCompletion)
                {
                    _completions++;
                }
            }

            _now |= work.Urgent;
            _items.Add(work);
            if (_idle || (_windowing && !GroupOpen()))
            {
                Monitor.Pulse(_items);
            }

            return true;
        }
    }

    /// <summary>A caller waits for its completion: the group is committed without waiting for more.</summary>
    public void CommitNow()
    {
        lock (_items)
        {
            _now = true;
            if (_windowing)
            {
                Monitor.Pulse(_items);
            }
        }
    }

    /// <summary>No more work is accepted; <see cref="Take"/> returns what is queued, then <see langword="false"/>.</summary>
    public void Close()
    {
        lock (_items)
        {
            _closed = true;
            Monitor.Pulse(_items);
        }
    }

    /// <summary>Waits for work and moves the next group into <paramref name="batch"/>; <see langword="false"/> when closed and drained.</summary>
    public bool Take(List<StoreWork> batch)
    {
        lock (_items)
        {
            while (true)
            {
                if (_items.Count == 0)
                {
                    if (_closed)
                    {
                        return false;
                    }

                    _idle = true;
                    Monitor.Wait(_items);
                    _idle = false;
                    continue;
                }

                if (GroupOpen() && !_windowElapsed)
                {
                    // Woken by the window's timer, by the group becoming complete, or by a caller that waits.
                    _windowing = true;
                    Monitor.Wait(_items);
                    _windowing = false;
                    continue;
                }

                var take = Math.Min(_items.Count, MaxBatch);
                batch.AddRange(_items.GetRange(0, take));
                _items.RemoveRange(0, take);
                _writes = 0;
                _completions = 0;
                _now = false;
                foreach (var work in _items)
                {
                    _writes += work.IsWrite ? 1 : 0;
                    _completions += work.IsCompletion ? 1 : 0;
                    _now |= work.Urgent;
                }

                if (_writes > 0)
                {
                    OpenWindow();
                }

                return true;
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>A new group starts: its window runs from now.</summary>
    private void OpenWindow()
    {
        _firstWriteAt = _time.GetTimestamp();
        _windowElapsed = false;
        _timer.Change(Window, Timeout.InfiniteTimeSpan);
    }

    private void WindowElapsed()
    {
        lock (_items)
        {
            if (_writes == 0)
            {
                return;   // a tick armed for an earlier group, landing late
            }

            // The timer's clock may run a little ahead of the timestamps': look again when the window is really over.
            var left = Window - _time.GetElapsedTime(_firstWriteAt);
            if (left > TimeSpan.Zero)
            {
                _timer.Change(left, Timeout.InfiniteTimeSpan);
                return;
            }

            _windowElapsed = true;
            if (_windowing)
            {
                Monitor.Pulse(_items);
            }
        }
    }

    /// <summary>Whether the queued work is only writes that may wait for more: not full, not closing, nobody waiting, URLs still in flight.</summary>
    private bool GroupOpen() =>
        _writes == _items.Count && _writes < MaxBatch && !_closed && !_now && _outstanding(_completions) > 0;
}
