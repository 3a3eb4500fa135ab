using System.Text;
using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Tests.Processes;
using DeclarativeScrape.Tests;

namespace DeclarativeScrape.Examples.Tests.Workers;

/// <summary>
/// Scaling out, tested the hard way: examples/Bookstore runs as several worker processes on one crawl in a real
/// PostgreSQL (a throwaway cluster, <see cref="PostgreSqlServer"/>) against a demo bookstore served by this test process;
/// the items are then exported from the database and compared with an uninterrupted single-process run, item for item.
/// </summary>
[Collection(ExampleProcesses.Name)]
public sealed class WorkersTests(PostgreSqlServer postgres) : IClassFixture<PostgreSqlServer>, IAsyncLifetime
{
    private const int BookCount = 400;   // 20 pages of the all-books listing; its crawl goes through the 20 categories
    private const int SigKill = 9;
    private const int Seed = 20261207;
    private static readonly TimeSpan PerRun = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Overall = TimeSpan.FromMinutes(4);

    private readonly TempDirectory _temp = new();
    private BookstoreSite _site = default!;

    public async Task InitializeAsync() => _site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = BookCount, Latency = TimeSpan.FromMilliseconds(20) });

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _temp.Dispose();
    }

    [SkippableFact]
    public async Task Three_workers_on_one_crawl_give_item_for_item_the_uninterrupted_result()
    {
        postgres.SkipIfUnavailable();
        var reference = await ReferenceRunAsync();
        var database = await postgres.CreateDatabaseAsync();
        var uri = postgres.Uri(database);
        var before = _site.Traffic.Hits.ToDictionary();

        var workers = Enumerable.Range(0, 3).Select(_ => Worker(_site.StartUrl, uri)).ToList();
        try
        {
            foreach (var worker in workers)
            {
                (await worker.WaitForExitAsync(PerRun)).ShouldBe(0, worker.Transcript());
            }

            var lastOut = workers.Where(w => w.Error.Any(l => l.StartsWith("crawl      last worker out of 3", StringComparison.Ordinal))).ToList();
            lastOut.Count.ShouldBe(1, "exactly one worker is the last out and prints the whole crawl's summary: " + string.Join("\n", workers.Select(w => w.Transcript())));
            string.Join('\n', lastOut[0].Error).ShouldContain($"items      {BookCount:N0}");
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }

        (await postgres.ScalarAsync(database, "SELECT count(DISTINCT worker_id) FROM declarativescrape.url WHERE state = 2")).ShouldNotBe("1", "the workers shared the crawl");
        var items = await ExportAsync(uri, "three.jsonl");
        items.ShouldBeUnique("no item twice");
        items.Order(StringComparer.Ordinal).ShouldBe(reference.Order(StringComparer.Ordinal), "the same items as the uninterrupted run");
        _site.Traffic.Hits.Where(h => h.Key.StartsWith("/catalogue/", StringComparison.Ordinal))
            .Where(h => h.Value - before.GetValueOrDefault(h.Key) != 1).ShouldBeEmpty("the workers together fetched each page once");
        (_site.Traffic.HitsOf("/robots.txt") - before.GetValueOrDefault("/robots.txt")).ShouldBe(1, "robots.txt fetched once for the crawl, not once per worker");

        // The other formats, and the status, from the same database.
        var json = _temp.File("three.json");
        await using (var export = ChildProcess.Start(Example.Bookstore, _temp.Path, "export", "--state", uri, "--out", json))
        {
            (await export.WaitForExitAsync(PerRun)).ShouldBe(0, export.Transcript());
        }

        using (var array = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)))
        {
            array.RootElement.EnumerateArray().Select(e => e.GetRawText()).Order(StringComparer.Ordinal)
                .ShouldBe(items.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetRawText()).Order(StringComparer.Ordinal), ".json is one array of the same items");
        }

        await using (var status = ChildProcess.Start(Example.Bookstore, _temp.Path, "status", "--state", uri))
        {
            (await status.WaitForExitAsync(PerRun)).ShouldBe(0, status.Transcript());
            var text = string.Join('\n', status.Output);
            text.ShouldContain("(finished)");
            text.ShouldContain($"items    {BookCount:N0}");
            text.ShouldContain("stopped");
        }
    }

    [SkippableFact]
    public async Task A_per_host_limit_of_four_holds_across_three_workers()
    {
        postgres.SkipIfUnavailable();
        var database = await postgres.CreateDatabaseAsync();
        var uri = postgres.Uri(database);
        await using var slow = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 200, Latency = TimeSpan.FromMilliseconds(100) });

        var workers = Enumerable.Range(0, 3).Select(_ => Worker(slow.StartUrl, uri, "--concurrency", "8", "--per-host", "4")).ToList();
        await RunToTheEndAsync(workers);

        slow.Traffic.PeakInFlight.ShouldBe(4, "three workers of 8 each, one host with a limit of 4: never more than 4 requests at once, and 4 reached");
        (await ExportAsync(uri, "limited.jsonl")).Count.ShouldBe(200);
    }

    /// <summary>
    /// A host's rate (<c>--rate</c>, or robots.txt's <c>Crawl-delay</c>) holds for three workers together: counted by the
    /// site from a moment before any worker started, the k-th page request never arrives before the k-th token of one
    /// bucket of that rate (burst, then one per interval), whichever worker sent it. Workers that each kept the rate on
    /// their own would send three times as fast and fail it. The crawl still completes with every item once.
    /// </summary>
    [SkippableTheory]
    [InlineData("rate")]
    [InlineData("crawl-delay")]
    public async Task A_hosts_rate_holds_across_three_workers(string limit)
    {
        postgres.SkipIfUnavailable();
        const int books = 100;
        var crawlDelay = limit == "crawl-delay";

        // --rate 10 keeps the example's burst of 20; a Crawl-delay means a burst of one.
        var (burst, every) = crawlDelay ? (1, TimeSpan.FromMilliseconds(100)) : (20, TimeSpan.FromMilliseconds(100));
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = books, Latency = TimeSpan.FromMilliseconds(20), CrawlDelay = crawlDelay ? every : null });
        var database = await postgres.CreateDatabaseAsync();
        var uri = postgres.Uri(database);
        string[] rate = crawlDelay ? [] : ["--rate", "10"];

        var start = DateTimeOffset.UtcNow;
        var workers = Enumerable.Range(0, 3).Select(_ => Worker(site.StartUrl, uri, ["--concurrency", "8", .. rate])).ToList();
        await RunToTheEndAsync(workers);

        // robots.txt is fetched outside the rate (once for the crawl, within the host's permits).
        site.Traffic.HitsOf("/robots.txt").ShouldBe(1, "robots.txt fetched once for the crawl, and its Crawl-delay obeyed by every worker");
        var pages = site.Traffic.Arrivals.Where(a => a.Path != "/robots.txt").Select(a => a.At).Order().ToList();
        pages.ShouldArriveNoSoonerThanTheirTokens(start, burst, every);
        (await postgres.ScalarAsync(database, "SELECT count(DISTINCT worker_id) FROM declarativescrape.url WHERE state = 2")).ShouldNotBe("1", "the workers shared the crawl");
        var items = await ExportAsync(uri, $"{limit}.jsonl");
        items.ShouldBeUnique("no item twice");
        items.Count.ShouldBe(books, "no item lost");
        site.Traffic.Hits.Where(h => h.Key.StartsWith("/catalogue/", StringComparison.Ordinal)).Where(h => h.Value != 1).ShouldBeEmpty("the workers together fetched each page once");

        // status shows the rate the workers paced the host at together.
        await using var status = ChildProcess.Start(Example.Bookstore, _temp.Path, "status", "--state", uri);
        (await status.WaitForExitAsync(PerRun)).ShouldBe(0, status.Transcript());
        status.Output.ShouldContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^\s+0\s+0\s+\d+\s+-\s+10\s+{System.Text.RegularExpressions.Regex.Escape(site.BaseUrl.Authority)}$"), status.Transcript());
    }

    [SkippableFact]
    public async Task A_worker_killed_at_five_random_points_loses_and_duplicates_nothing()
    {
        postgres.SkipIfUnavailable();
        using var overall = new CancellationTokenSource(Overall);
        var reference = await ReferenceRunAsync();
        var database = await postgres.CreateDatabaseAsync();
        var uri = postgres.Uri(database, "lease_timeout=2");
        var random = new Random(Seed);

        // A steady worker keeps the crawl going; a second one is killed at random points and started again each time.
        await using var steady = Worker(_site.StartUrl, uri);
        var kills = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await using var victim = Worker(_site.StartUrl, uri);
            var exited = victim.WaitForExitAsync(PerRun);
            var requests = _site.Traffic.Requests;
            var target = requests + 5 + random.Next(40);
            var reached = _site.Traffic.WhenRequests(target);
            (await Task.WhenAny(reached, exited, Task.Delay(PerRun, overall.Token))).ShouldBe(reached, $"kill {i + 1}: the site reached {target} requests while the victim ran: {victim.Transcript()}");
            victim.Signal(SigKill);
            await exited;
            kills.Add($"SIGKILL at {target} requests");
        }

        (await steady.WaitForExitAsync(PerRun)).ShouldBe(0, steady.Transcript());
        (await postgres.ScalarAsync(database, "SELECT count(*) FROM declarativescrape.url WHERE state <> 2")).ShouldBe("0", "every URL has its outcome");
        var items = await ExportAsync(uri, "killed.jsonl");
        items.ShouldBeUnique($"no item twice, after {string.Join("; ", kills)}");
        items.Order(StringComparer.Ordinal).ShouldBe(reference.Order(StringComparer.Ordinal), $"no item lost, after {string.Join("; ", kills)}");
    }

    [SkippableFact]
    public async Task A_worker_rides_out_a_short_database_outage_and_stops_cleanly_when_it_lasts()
    {
        postgres.SkipIfUnavailable();
        var database = await postgres.CreateDatabaseAsync();
        await using var slow = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 200, Latency = TimeSpan.FromMilliseconds(50) });

        // A short outage: the worker retries with backoff and finishes the crawl, every item once.
        var uri = postgres.Uri(database, "retry_for=60");
        await using (var worker = Worker(slow.StartUrl, uri, "--concurrency", "4"))
        {
            var exited = worker.WaitForExitAsync(PerRun);
            (await Task.WhenAny(slow.Traffic.WhenRequests(30), exited)).ShouldNotBe(exited, worker.Transcript());
            await postgres.StopAsync();
            await postgres.StartAgainAsync();
            (await exited).ShouldBe(0, worker.Transcript());
        }

        var items = await ExportAsync(uri, "outage.jsonl");
        items.Count.ShouldBe(200);
        items.ShouldBeUnique();

        // A long one: the worker stops, saying why, within its retry_for.
        var second = await postgres.CreateDatabaseAsync();
        var longer = postgres.Uri(second, "retry_for=3");
        await using (var worker = Worker(slow.StartUrl, longer, "--concurrency", "4"))
        {
            var exited = worker.WaitForExitAsync(PerRun);
            var before = slow.Traffic.Requests;
            (await Task.WhenAny(slow.Traffic.WhenRequests(before + 30), exited)).ShouldNotBe(exited, worker.Transcript());
            await postgres.StopAsync();
            try
            {
                (await exited).ShouldBe(1, worker.Transcript());
                var error = string.Join('\n', worker.Error);
                error.ShouldContain($"The crawl's database '{longer}' could not be reached for");
                error.ShouldContain("this worker stops");
            }
            finally
            {
                await postgres.StartAgainAsync();
            }
        }
    }

    [SkippableFact]
    public async Task A_wrong_uri_an_unreachable_server_and_a_foreign_schema_each_give_a_clear_error_naming_the_option()
    {
        postgres.SkipIfUnavailable();

        var wrong = await FailAsync("postgresql://postgres@127.0.0.1:notaport/crawl");
        wrong.ShouldContain("is not a PostgreSQL connection URI: the port 'notaport' is not a number from 1 to 65535");
        wrong.ShouldContain("(from --state)");

        var unknown = await FailAsync($"postgresql://postgres@127.0.0.1:{postgres.Port}/crawl?sslmod=require");
        unknown.ShouldContain("the parameter 'sslmod' is not one this library reads");

        var secret = await FailAsync("postgresql://postgres:hunter2@127.0.0.1:1/crawl");
        secret.ShouldContain("cannot be reached");
        secret.ShouldContain("postgresql://postgres:***@127.0.0.1:1/crawl");
        secret.ShouldNotContain("hunter2", Case.Sensitive, "a password is never printed");

        var missing = await FailAsync(postgres.Uri("nosuchdatabase"));
        missing.ShouldContain("the database 'nosuchdatabase' does not exist");

        var database = await postgres.CreateDatabaseAsync();
        await postgres.SqlAsync(database, "CREATE SCHEMA declarativescrape; CREATE TABLE declarativescrape.orders(id int)");
        var foreign = await FailAsync(postgres.Uri(database));
        foreign.ShouldContain("is not a DeclarativeScrape crawl: its schema 'declarativescrape' holds 1 table(s) of something else");
        foreign.ShouldContain("(from --state)");
    }

    /// <summary>Runs one worker that must refuse to start; returns its standard error.</summary>
    [SkippableFact]
    public async Task On_postgresql_a_small_max_pages_yields_books_first_and_breadth_first_yields_listings()
    {
        // The crawl order kept in the url table's rank (items first): the first category's books go before the listings
        // its page links (the other categories, its next pages), as in memory and in a state directory (BookstoreExampleTests).
        postgres.SkipIfUnavailable();
        var itemsFirst = postgres.Uri(await postgres.CreateDatabaseAsync());
        await using (var worker = Worker(_site.StartUrl, itemsFirst, "--max-pages", "10"))
        {
            (await worker.WaitForExitAsync(PerRun)).ShouldBe(0, worker.Transcript());
        }

        var books = await ExportAsync(itemsFirst, "items-first.jsonl");
        books.Count.ShouldBe(8, "the start listing, its first category and 8 of that category's books");
        var category = _site.Categories[0].Name;
        books.ShouldAllBe(line => System.Text.Json.JsonDocument.Parse(line, default).RootElement.GetProperty("category").GetString() == category, "each with the category its listing carried");

        var breadthFirst = await postgres.CreateDatabaseAsync();
        await using (var worker = Worker(_site.StartUrl, postgres.Uri(breadthFirst), "--max-pages", "10", "--order", "breadth-first"))
        {
            (await worker.WaitForExitAsync(PerRun)).ShouldBe(0, worker.Transcript());
        }

        (await postgres.ScalarAsync(breadthFirst, "SELECT count(*) FROM declarativescrape.item")).ShouldBe("0", "first in, first out: the ten pages were the start listing and 9 categories");
        (await postgres.ScalarAsync(breadthFirst, "SELECT count(*) FROM declarativescrape.url WHERE state = 2")).ShouldBe("10");
    }

    /// <summary>
    /// A host that limits its rate (a token bucket answering 429 past it) and two workers that are not told the limit:
    /// each learns its own share from its own answers (a learned rate is not put into the shared pace: a worker measures
    /// only what it sent), keeps it in the host's <c>host_rate</c> row, and <c>status</c> shows the sum. No URL is lost to
    /// the refusals, no item is written twice.
    /// </summary>
    [SkippableFact]
    public async Task Workers_learn_their_shares_of_a_hosts_unknown_rate_and_status_shows_the_sum()
    {
        postgres.SkipIfUnavailable();
        await using var limited = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 100, Latency = TimeSpan.FromMilliseconds(20), RateLimit = 8, RateLimitBurst = 4 });
        var database = await postgres.CreateDatabaseAsync();
        var uri = postgres.Uri(database);

        var workers = Enumerable.Range(0, 2).Select(_ => Worker(limited.StartUrl, uri, "--max-pages", "60")).ToList();
        var results = new List<System.Text.Json.JsonElement>();
        try
        {
            foreach (var worker in workers)
            {
                (await worker.WaitForExitAsync(PerRun)).ShouldBe(0, worker.Transcript());
                results.Add(Result(worker));
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }

        limited.Traffic.RateLimited.ShouldBeGreaterThan(0, "the workers together met the site's limit of 8 a second");
        results.Sum(r => r.GetProperty("failed").GetInt64()).ShouldBe(0, "no URL lost to the refusals");
        results.Sum(r => r.GetProperty("processed").GetInt64()).ShouldBe(60);
        (await ExportAsync(uri, "learned.jsonl")).ShouldBeUnique("no item twice");

        var rows = int.Parse(await postgres.ScalarAsync(database, "SELECT count(*) FROM declarativescrape.host_rate"), System.Globalization.CultureInfo.InvariantCulture);
        rows.ShouldBeInRange(1, 2, "each worker that was refused keeps its learned rate");
        var sum = double.Parse(await postgres.ScalarAsync(database, "SELECT sum(rate) FROM declarativescrape.host_rate"), System.Globalization.CultureInfo.InvariantCulture);
        sum.ShouldBeGreaterThan(0);
        await using var status = ChildProcess.Start(Example.Bookstore, _temp.Path, "status", "--state", uri);
        (await status.WaitForExitAsync(PerRun)).ShouldBe(0, status.Transcript());
        var line = status.Output.Single(l => l.EndsWith(" " + limited.BaseUrl.Authority, StringComparison.Ordinal));
        var shown = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        shown.ShouldBe(sum, sum < 10 ? 0.006 : 0.5, "status shows the sum of the workers' learned rates: " + status.Transcript());
    }

    /// <summary>
    /// A worker that joins a crawl whose running worker already learned a host's rate from its refusals does not discover
    /// it again from the startup pace: it starts at its share (their sum over the workers, itself included).
    /// </summary>
    [SkippableFact]
    public async Task A_joining_worker_starts_from_its_share_of_the_rate_the_others_learned()
    {
        postgres.SkipIfUnavailable();
        await using var limited = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 200, Latency = TimeSpan.FromMilliseconds(20), RateLimit = 8, RateLimitBurst = 4 });
        var uri = postgres.Uri(await postgres.CreateDatabaseAsync());
        string[] Args() => ["--url", limited.StartUrl.AbsoluteUri, "--state", uri, "--max-pages", "150", "--verbose"];

        var a = ChildProcess.Start(Example.Bookstore, _temp.Path, Args());
        ChildProcess? b = null;
        try
        {
            await a.WaitForErrorLineAsync(l => l.Contains("refused a request (429)", StringComparison.Ordinal), PerRun);
            b = ChildProcess.Start(Example.Bookstore, _temp.Path, Args());
            (await a.WaitForExitAsync(PerRun)).ShouldBe(0, a.Transcript());
            (await b.WaitForExitAsync(PerRun)).ShouldBe(0, b.Transcript());
            b.Error.ShouldContain(l => l.Contains("its share of the", StringComparison.Ordinal) && l.Contains("that 1 other worker(s) of the crawl learned", StringComparison.Ordinal), b.Transcript());
            a.Error.ShouldNotContain(l => l.Contains("its share of the", StringComparison.Ordinal), "the first worker had no one to learn from");
            (Result(a).GetProperty("processed").GetInt64() + Result(b).GetProperty("processed").GetInt64()).ShouldBe(150);
        }
        finally
        {
            await a.DisposeAsync();
            if (b is not null)
            {
                await b.DisposeAsync();
            }
        }

        (await ExportAsync(uri, "joined.jsonl")).ShouldBeUnique("no item twice");
    }

    [SkippableFact]
    public async Task An_unreachable_robots_txt_is_fetched_by_one_worker_its_verdict_holds_for_the_others_running_and_a_later_worker_fetches_it_again()
    {
        // robots.txt answers 503: worker A claims the file in the robots table and retries it for the unreachable timeout;
        // worker B, started once A has asked for it, holds URLs of the same host (more start URLs than A's window of 64)
        // and waits for A's verdict instead of fetching robots.txt itself. Both fail their URLs with it, as one process
        // would. A worker that starts later claims the file again, as a later run of one process fetches it again.
        postgres.SkipIfUnavailable();
        var uri = postgres.Uri(await postgres.CreateDatabaseAsync());
        _site.SetOutage("/robots.txt", 503);
        string[] starts = [.. Enumerable.Range(1, 150).SelectMany(i => new[] { "--url", _site.Url($"catalogue/page-1.html?copy={i}").AbsoluteUri })];
        string[] Args(string agent, params string[] more) => [.. starts, "--state", uri, "--quiet", "--user-agent", agent, "--robots-unreachable-timeout", "20", .. more];

        var a = ChildProcess.Start(Example.Bookstore, _temp.Path, Args("worker-a"));
        ChildProcess? b = null;
        try
        {
            await _site.Traffic.WhenRequests(1).WaitAsync(PerRun);
            _site.Traffic.HitsByUserAgent("/robots.txt").Keys.ShouldBe(["worker-a"], "the first request of the crawl is A's robots.txt");
            b = ChildProcess.Start(Example.Bookstore, _temp.Path, Args("worker-b"));
            (await a.WaitForExitAsync(PerRun)).ShouldBe(1, a.Transcript());
            (await b.WaitForExitAsync(PerRun)).ShouldBe(1, b.Transcript());

            _site.Traffic.HitsByUserAgent("/robots.txt").Keys.ShouldBe(["worker-a"], "B never fetched robots.txt: it waited for A's verdict");
            _site.Traffic.HitsOf("/robots.txt").ShouldBeGreaterThan(1, "A retried it until the unreachable timeout");
            _site.Traffic.HitsOf("/catalogue/page-1.html").ShouldBe(0, "no page of a host whose robots.txt stayed unreachable is fetched");
            var (resultA, resultB) = (Result(a), Result(b));
            resultB.GetProperty("failed").GetInt64().ShouldBeGreaterThan(0, "B held URLs of the host and failed them with A's verdict: " + b.Transcript());
            (resultA.GetProperty("failed").GetInt64() + resultB.GetProperty("failed").GetInt64()).ShouldBe(150);
            (resultA.GetProperty("processed").GetInt64() + resultB.GetProperty("processed").GetInt64()).ShouldBe(0);
            string.Join('\n', b.Error).ShouldContain("stayed unreachable");
        }
        finally
        {
            await a.DisposeAsync();
            if (b is not null)
            {
                await b.DisposeAsync();
            }
        }

        _site.SetOutage("/robots.txt", null);
        await using (var c = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", _site.ListingUrl(2).AbsoluteUri, "--state", uri, "--quiet", "--user-agent", "worker-c"))
        {
            (await c.WaitForExitAsync(PerRun)).ShouldBe(0, c.Transcript());
            var result = Result(c);
            result.GetProperty("failed").GetInt64().ShouldBe(0, c.Transcript());
            result.GetProperty("items").GetInt64().ShouldBeGreaterThan(0, c.Transcript());
        }

        _site.Traffic.HitsByUserAgent("/robots.txt").GetValueOrDefault("worker-c").ShouldBe(1, "a worker that starts after the verdict was stored fetches robots.txt again");
        _site.Traffic.HitsOf(_site.ListingUrl(2).AbsolutePath).ShouldBe(1);
    }

    /// <summary>The worker's <c>RESULT</c> line (its own share of the crawl), parsed.</summary>
    private static System.Text.Json.JsonElement Result(ChildProcess worker) =>
        System.Text.Json.JsonDocument.Parse(worker.Error.Last(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..]).RootElement;

    private async Task<string> FailAsync(string uri)
    {
        await using var worker = Worker(_site.StartUrl, uri);
        var exit = await worker.WaitForExitAsync(PerRun);
        exit.ShouldBe(2, worker.Transcript());
        return string.Join('\n', worker.Error);
    }

    /// <summary>Waits for every worker to exit with 0 (each within <see cref="PerRun"/>), then disposes them all.</summary>
    private static async Task RunToTheEndAsync(List<ChildProcess> workers)
    {
        try
        {
            foreach (var worker in workers)
            {
                (await worker.WaitForExitAsync(PerRun)).ShouldBe(0, worker.Transcript());
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private ChildProcess Worker(Uri startUrl, string uri, params string[] more) =>
        ChildProcess.Start(Example.Bookstore, _temp.Path, ["--url", startUrl.AbsoluteUri, "--state", uri, "--quiet", .. more]);

    /// <summary>Exports the crawl's items with the example's <c>export</c> command and reads the lines.</summary>
    private async Task<List<string>> ExportAsync(string uri, string name)
    {
        var path = _temp.File(name);
        await using (var export = ChildProcess.Start(Example.Bookstore, _temp.Path, "export", "--state", uri, "--out", path))
        {
            (await export.WaitForExitAsync(PerRun)).ShouldBe(0, export.Transcript());
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        text.ShouldEndWith("\n");
        return [.. text[..^1].Split('\n')];
    }

    /// <summary>An uninterrupted single-process run in memory: its lines are the expected items.</summary>
    private async Task<List<string>> ReferenceRunAsync()
    {
        var output = _temp.File("reference.jsonl");
        await using (var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", _site.StartUrl.AbsoluteUri, "--out", output, "--quiet"))
        {
            (await child.WaitForExitAsync(PerRun)).ShouldBe(0, child.Transcript());
        }

        var lines = File.ReadAllText(output)[..^1].Split('\n').ToList();
        lines.Count.ShouldBe(BookCount);
        return lines;
    }
}
