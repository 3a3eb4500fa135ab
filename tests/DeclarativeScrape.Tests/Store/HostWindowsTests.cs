namespace DeclarativeScrape.Tests;

/// <summary>
/// A persistent store's window of a host's next URLs, over a list standing for the database: ranks, a window that
/// gives up its last URLs when a lower rank arrives, and refills that pass over the URLs in flight.
/// </summary>
public sealed class HostWindowsTests
{
    private readonly List<FrontierLease> _database = [];
    private readonly HashSet<long> _done = [];
    private readonly HostQueue _host = new(1, "a.example");
    private int _refills;

    private static FrontierLease Url(long id, int rank) => new(id, new Uri($"http://a.example/{id}"), "a.example", 0, 1, null, rank);

    /// <summary>The store's query: the host's URLs to fetch after a (rank, id), in queue order.</summary>
    private List<FrontierLease> Load(HostQueue host, (int Rank, long Id) after, int room) =>
        [.. _database.Where(l => !_done.Contains(l.Id) && (l.Rank > after.Rank || (l.Rank == after.Rank && l.Id > after.Id)))
            .Order(FrontierLease.QueueOrder).Take(room)];

    private HostWindows Windows(int capacity)
    {
        var windows = new HostWindows(_ => ++_refills > 0, capacity, refillAt: 0);
        windows.Add(_host);
        return windows;
    }

    private void Admit(HostWindows windows, params FrontierLease[] leases)
    {
        _database.AddRange(leases);
        windows.Publish([.. leases.Select(l => (_host, l))], 0, []);
    }

    private List<long> LeaseAll(HostWindows windows)
    {
        var ids = new List<long>();
        while (true)
        {
            if (windows.TryLease("a.example", out var lease))
            {
                ids.Add(lease.Id);
            }
            else if (!windows.Refill(_host, Load) && !windows.TryLease("a.example", out _))
            {
                return ids;
            }
        }
    }

    [Fact]
    public void A_lower_rank_admitted_later_goes_first_and_the_urls_it_pushes_out_come_back_once()
    {
        var windows = Windows(capacity: 2);
        Admit(windows, Url(1, 1), Url(2, 1), Url(3, 1));
        windows.TryLease("a.example", out var first).ShouldBeTrue();
        windows.TryLease("a.example", out var second).ShouldBeTrue();
        (first.Id, second.Id).ShouldBe((1, 2));

        // Both in flight; the window refills with 3, then two of rank 0 arrive and push 3 back to the database.
        windows.Refill(_host, Load).ShouldBeTrue();
        Admit(windows, Url(4, 0), Url(5, 0));

        LeaseAll(windows).ShouldBe([4, 5, 3], "the lower rank first; 1 and 2 are in flight and not read again");
        windows.QueuedFor("a.example").ShouldBe(0);
    }

    [Fact]
    public void Urls_done_leave_the_flight_and_the_counts()
    {
        var windows = Windows(capacity: 4);
        Admit(windows, Url(1, 0), Url(2, 0));
        windows.TryLease("a.example", out var lease).ShouldBeTrue();
        _done.Add(lease.Id);

        windows.Publish([], completions: 1, done: [lease]);

        _host.InFlight.ShouldBeEmpty();
        windows.Counts(admitted: 2).ShouldBe(new FrontierCounts(Admitted: 2, Queued: 1, Leased: 0, Completed: 1));
    }
}
