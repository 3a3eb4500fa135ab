namespace DeclarativeScrape.Tests;

public sealed class SqliteCrawlStoreTests : IDisposable
{
    private readonly StateFixture _state = new();

    public void Dispose() => _state.Dispose();

    private static FrontierCandidate Candidate(string url) => StateFixture.Candidate(url);

    [Fact]
    public async Task A_missing_directory_is_created_and_admission_dedupes_and_queues_per_host_in_order()
    {
        Directory.Exists(_state.Directory).ShouldBeFalse();
        await using var store = _state.Open();
        List<FrontierCandidate> batch =
        [
            Candidate("http://a.example/1"),
            Candidate("http://b.example/1"),
            Candidate("http://a.example/2"),
            Candidate("http://a.example/1"),
            StateFixture.Candidate("http://a.example/3") with { Skip = SkipReason.MaxDepth },
        ];

        await store.AdmitAsync(batch, CancellationToken.None);

        File.Exists(_state.DatabaseFile).ShouldBeTrue();
        store.Resumed.ShouldBeNull("a new state has nothing to resume");
        batch.Select(c => c.Skip).ShouldBe([SkipReason.None, SkipReason.None, SkipReason.None, SkipReason.Duplicate, SkipReason.MaxDepth]);
        store.QueuedHosts().Order().ShouldBe(["a.example", "b.example"]);
        store.QueuedFor("a.example").ShouldBe(2);
        store.TryLease("a.example", out var first).ShouldBeTrue();
        store.TryLease("a.example", out var second).ShouldBeTrue();
        store.TryLease("a.example", out _).ShouldBeFalse();
        (first.Url.AbsoluteUri, second.Url.AbsoluteUri).ShouldBe(("http://a.example/1", "http://a.example/2"));
        store.Counts.ShouldBe(new FrontierCounts(Admitted: 3, Queued: 1, Leased: 2, Completed: 0));
    }

    [Fact]
    public async Task Completion_admits_links_atomically_and_max_pages_counts_every_run_of_the_state()
    {
        await using (var store = _state.Open(maxPages: 3))
        {
            await store.AdmitAsync([Candidate("http://a.example/")], CancellationToken.None);
            store.TryLease("a.example", out var lease).ShouldBeTrue();
            List<FrontierCandidate> links = [Candidate("http://a.example/x"), Candidate("http://a.example/x"), Candidate("http://a.example/")];

            await store.CompleteAsync(StateFixture.Page(lease, StateFixture.Processed(lease), [StateFixture.ItemOf(lease)], links), CancellationToken.None);

            links.Select(c => c.Skip).ShouldBe([SkipReason.None, SkipReason.Duplicate, SkipReason.Duplicate]);
            store.Counts.ShouldBe(new FrontierCounts(Admitted: 2, Queued: 1, Leased: 0, Completed: 1));
        }

        await using (var resumed = _state.Open(maxPages: 3))
        {
            List<FrontierCandidate> more = [Candidate("http://a.example/y"), Candidate("http://a.example/z")];
            await resumed.AdmitAsync(more, CancellationToken.None);

            more.Select(c => c.Skip).ShouldBe([SkipReason.None, SkipReason.MaxPages]);
            more[1].Message.ShouldBe("Limits.MaxPages (3) reached");
        }
    }

    [Fact]
    public async Task Reopening_returns_leased_urls_to_the_queue_and_keeps_completed_ones_done()
    {
        await using (var store = _state.Open())
        {
            await store.AdmitAsync([Candidate("http://a.example/1"), Candidate("http://a.example/2"), Candidate("http://a.example/3")], CancellationToken.None);
            store.TryLease("a.example", out var done).ShouldBeTrue();
            store.TryLease("a.example", out _).ShouldBeTrue();   // in flight when the run dies: never completed
            await store.CompleteAsync(StateFixture.Page(done, StateFixture.Processed(done), [StateFixture.ItemOf(done)]), CancellationToken.None);
        }

        await using var resumed = _state.Open();

        resumed.Resumed.ShouldNotBeNull();
        resumed.Resumed.ShouldBe(new ResumedState { StateFile = _state.DatabaseFile, EarlierRuns = 1, Carried = 2, Processed = 1, Skipped = 0, Failed = 0, Items = 1 });
        resumed.QueuedHosts().ShouldBe(["a.example"]);
        var again = await _state.DrainAsync(resumed, "a.example");
        again.Select(l => l.Url.AbsolutePath).ShouldBe(["/2", "/3"]);
        List<FrontierCandidate> seen = [Candidate("http://a.example/1"), Candidate("http://a.example/2")];
        await resumed.AdmitAsync(seen, CancellationToken.None);
        seen.Select(c => c.Skip).ShouldBe([SkipReason.Duplicate, SkipReason.Duplicate], "the seen set survives the restart");
    }

    [Fact]
    public async Task A_large_queue_stays_on_disk_and_is_leased_in_order_through_refills()
    {
        const int count = 1000;
        await using var store = _state.Open();
        var candidates = Enumerable.Range(0, count).Select(i => Candidate($"http://a.example/{i}")).ToList();
        await store.AdmitAsync(candidates, CancellationToken.None);
        store.QueuedFor("a.example").ShouldBe(count);

        var leased = await _state.DrainAsync(store, "a.example", withItems: false);

        leased.Select(l => l.Url.AbsolutePath).ShouldBe(Enumerable.Range(0, count).Select(i => $"/{i}"));
        store.Counts.ShouldBe(new FrontierCounts(Admitted: count, Queued: 0, Leased: 0, Completed: count));
        _state.Failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stopping_run_releases_every_queued_url_and_they_stay_queued_for_the_next_run()
    {
        const int count = 3000;   // several release chunks, most of them on disk only
        await using (var store = _state.Open())
        {
            await store.AdmitAsync(Enumerable.Range(0, count).Select(i => Candidate($"http://a.example/{i}")).ToList(), CancellationToken.None);
            store.TryLease("a.example", out var inFlight).ShouldBeTrue();
            store.TryLease("a.example", out var pending).ShouldBeTrue();
            await store.CompleteAsync(StateFixture.Page(inFlight, StateFixture.Processed(inFlight)), CancellationToken.None);
            await store.CompleteAsync(StateFixture.Page(pending, StateFixture.Cancelled(pending)), CancellationToken.None);

            var released = await store.ReleaseQueuedAsync(CancellationToken.None).ToListAsync();

            released.Select(l => l.Url.AbsolutePath).ShouldBe(Enumerable.Range(2, count - 2).Select(i => $"/{i}"), "each queued URL once, the cancelled one not again");
            store.Counts.Queued.ShouldBe(0);
        }

        await using var next = _state.Open();
        next.Resumed!.Carried.ShouldBe(count - 1, "the cancelled URL and the released ones are still to fetch");
        (await _state.LeaseAsync(next, "a.example")).Url.AbsolutePath.ShouldBe("/1");
    }

    [Fact]
    public async Task A_release_right_after_a_refill_was_asked_for_still_releases_every_queued_url_once()
    {
        const int count = 2000;
        await using var store = _state.Open();
        await store.AdmitAsync(Enumerable.Range(0, count).Select(i => Candidate($"http://a.example/{i}")).ToList(), CancellationToken.None);
        // The store's thread is kept busy by a large admission, so the refill asked for below waits in its queue while
        // the release starts.
        var busy = store.AdmitAsync(Enumerable.Range(0, 50_000).Select(i => Candidate($"http://b.example/{i}")).ToList(), CancellationToken.None);
        const int taken = HostWindows.WindowCapacity - HostWindows.RefillAt;
        for (var i = 0; i < taken; i++)
        {
            store.TryLease("a.example", out _).ShouldBeTrue();   // the last one leaves the window low: a refill is queued
        }

        var released = await store.ReleaseQueuedAsync(CancellationToken.None).ToListAsync();
        await busy;

        released.Where(l => l.Url.Host == "a.example").Select(l => l.Url.AbsolutePath)
            .ShouldBe(Enumerable.Range(taken, count - taken).Select(i => $"/{i}"), "the refill's URLs too, each once, in order");
        store.QueuedFor("a.example").ShouldBe(0);
    }

    [Fact]
    public async Task A_state_written_by_another_scraper_shape_is_refused_naming_the_file_and_what_differs()
    {
        await (await OpenAndCloseAsync()).DisposeAsync();
        var changed = new CrawlPlan<Product>("ShopScraper", ShopPlan.Create().Pages, ShopPlan.Create().Format, "other-fingerprint", () => new ScrapeOptions());

        var error = Should.Throw<ScrapeOptionsException>(() => _state.Open(plan: changed));

        error.OptionName.ShouldBe("StateDirectory");
        error.Message.ShouldContain(_state.DatabaseFile);
        error.Message.ShouldContain("test-fingerprint");
        error.Message.ShouldContain("other-fingerprint");
        error.Message.ShouldContain("page types or fields have changed");

        var other = Should.Throw<ScrapeOptionsException>(() => _state.Open(plan: ShopPlan.Create("OtherScraper")));
        other.Message.ShouldContain("written by scraper 'ShopScraper'");
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_naming_it()
    {
        Directory.CreateDirectory(_state.Directory);
        File.WriteAllText(_state.DatabaseFile, new string('x', 8192));

        var error = Should.Throw<ScrapeOptionsException>(() => _state.Open());

        error.OptionName.ShouldBe("StateDirectory");
        error.Message.ShouldContain(_state.DatabaseFile);
        error.Message.ShouldContain("not a DeclarativeScrape state database");
    }

    [Fact]
    public async Task A_damaged_database_is_refused_naming_it()
    {
        await using (var store = _state.Open())
        {
            await store.AdmitAsync(Enumerable.Range(0, 2000).Select(i => Candidate($"http://a.example/{i}")).ToList(), CancellationToken.None);
        }

        // Overwrite a page in the middle of the file (the header stays valid).
        using (var file = new FileStream(_state.DatabaseFile, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4096 * 3;
            file.Write(Enumerable.Repeat((byte)0xA5, 4096 * 2).ToArray());
        }

        var error = Should.Throw<ScrapeOptionsException>(() => _state.Open());

        error.Message.ShouldContain(_state.DatabaseFile);
        error.Message.ShouldContain("damaged");
    }

    [Fact]
    public async Task A_second_run_on_the_same_directory_is_refused_while_the_first_holds_it()
    {
        await using var first = _state.Open();

        var error = Should.Throw<ScrapeOptionsException>(() => _state.Open());

        error.OptionName.ShouldBe("StateDirectory");
        error.Message.ShouldContain(_state.DatabaseFile);
        error.Message.ShouldContain("in use by another run");
    }

    [Fact]
    public async Task The_directory_is_free_again_once_the_store_is_disposed()
    {
        await (await OpenAndCloseAsync()).DisposeAsync();
        await using var again = _state.Open();
        again.Resumed.ShouldNotBeNull();
    }

    [Fact]
    public void A_write_ahead_log_without_its_database_is_refused_naming_the_missing_file()
    {
        Directory.CreateDirectory(_state.Directory);
        File.WriteAllBytes(_state.DatabaseFile + "-wal", [1, 2, 3]);

        var error = Should.Throw<ScrapeOptionsException>(() => _state.Open());

        error.Message.ShouldContain($"'{_state.DatabaseFile}' is missing");
    }

    [Fact]
    public void A_state_directory_that_is_a_file_is_refused()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_state.Directory)!);
        File.WriteAllText(_state.Directory, "not a directory");

        var error = Should.Throw<ScrapeOptionsException>(() => _state.Open());

        error.OptionName.ShouldBe("StateDirectory");
        error.Message.ShouldContain("is a file, not a directory");
    }

    private async Task<SqliteCrawlStore<Product>> OpenAndCloseAsync()
    {
        var store = _state.Open();
        await store.AdmitAsync([Candidate("http://a.example/")], CancellationToken.None);
        return store;
    }
}
