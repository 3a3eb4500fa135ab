using System.Diagnostics;
using System.Text;
using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Tests.Processes;

namespace DeclarativeScrape.Examples.Tests.Resume;

/// <summary>
/// The crash-safety promise of <c>--state</c>, tested the hard way: examples/Bookstore runs as a child process against
/// a demo bookstore served by this test process (so its port and ground truth stay the same across kills), is killed
/// with SIGKILL at random points (and stopped with SIGINT once), resumed each time with the same state and output, and
/// the final output must equal an uninterrupted run's, item for item; and the state read between runs by the
/// <c>status</c> and <c>export</c> commands.
/// </summary>
[Collection(ExampleProcesses.Name)]
public sealed class KillAndResumeTests : IAsyncLifetime
{
    private const int BookCount = 1000;   // 50 listing pages; about 5 s at the scraper's 200 requests/s
    private const int Kills = 10;
    private const int Seed = 20261122;
    private const int SigKill = 9;
    private static readonly TimeSpan Overall = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PerRun = TimeSpan.FromSeconds(90);

    /// <summary>A run of the README's command: the whole 2,000-book demo site, 11 s on a quiet machine, minutes on a busy one.</summary>
    private static readonly TimeSpan ReadmeRun = TimeSpan.FromMinutes(4);

    private readonly TempDirectory _temp = new();
    private BookstoreSite _site = default!;

    public async Task InitializeAsync() => _site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = BookCount });

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_crawl_killed_at_ten_random_points_and_resumed_each_time_writes_exactly_the_items_of_an_uninterrupted_run()
    {
        using var overall = new CancellationTokenSource(Overall);
        var reference = await ReferenceRunAsync();

        var state = _temp.File("state");
        var output = _temp.File("items.jsonl");
        var random = new Random(Seed);
        var stops = new List<string>();
        for (var i = 0; i < Kills; i++)
        {
            var before = CompleteLines(output).Count;
            await using var child = Start(_site.StartUrl, state, output);
            var exited = child.WaitForExitAsync(PerRun);
            var interrupt = i == Kills / 2;
            bool triggered;
            string how;
            if (i % 3 == 0 && !interrupt && before < BookCount / 2)
            {
                // Early in the run: while the runtime starts, the state opens, the output is repaired, the first pages come.
                var delay = TimeSpan.FromMilliseconds(random.Next(50, 1200));
                triggered = await Task.WhenAny(Task.Delay(delay, overall.Token), exited) != exited;
                how = $"after {delay.TotalMilliseconds:0} ms";
            }
            else
            {
                // Later: after a random number of new output lines, spread over the first 60 % of the items, so that every
                // kill falls before the end (the file lags the commits by up to a second: about 200 items).
                var target = before + 1 + random.Next(Math.Max(1, (BookCount * 6 / 10 - before) / (Kills - i)));
                triggered = await WaitForLinesAsync(output, target, exited, overall.Token);
                how = $"at {target} lines (had {before})";
            }

            triggered.ShouldBeTrue($"stop {i + 1} came after the crawl ended by itself: {child.Transcript()}");
            if (interrupt)
            {
                child.Signal(ChildProcess.SigInt);
                (await exited).ShouldBe(130, $"Ctrl+C ends the run gracefully with exit code 130: {child.Transcript()}");
                var text = File.ReadAllText(output);
                (text.Length == 0 || text.EndsWith('\n')).ShouldBeTrue("a clean stop leaves no torn line");
                stops.Add($"SIGINT {how}");
            }
            else
            {
                child.Signal(SigKill);
                await exited;
                stops.Add($"SIGKILL {how}");
            }

            // Whatever the moment, the complete lines in the file are distinct items of the reference run.
            var lines = CompleteLines(output);
            lines.ShouldBeUnique($"after {stops[^1]}");
            lines.ShouldBeSubsetOf(reference, $"after {stops[^1]}");
        }

        await using (var last = Start(_site.StartUrl, state, output))
        {
            (await last.WaitForExitAsync(PerRun)).ShouldBe(0, last.Transcript());
        }

        var final = File.ReadAllText(output);
        final.ShouldEndWith("\n", Case.Sensitive, "every line complete");
        var items = CompleteLines(output);
        items.ShouldBeUnique("no item twice");
        items.Order(StringComparer.Ordinal).ShouldBe(reference.Order(StringComparer.Ordinal), $"the same items as the uninterrupted run, after: {string.Join("; ", stops)}");

        // Resuming a finished crawl fetches nothing and writes nothing.
        var requests = _site.Traffic.Requests;
        await using (var again = Start(_site.StartUrl, state, output))
        {
            (await again.WaitForExitAsync(PerRun)).ShouldBe(0, again.Transcript());
        }

        File.ReadAllText(output).ShouldBe(final);
        _site.Traffic.Requests.ShouldBe(requests);
    }

    [Fact]
    public async Task A_second_process_on_a_state_directory_in_use_is_refused_naming_the_file()
    {
        using var overall = new CancellationTokenSource(Overall);
        var state = _temp.File("busy-state");
        var slow = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = BookCount, Latency = TimeSpan.FromMilliseconds(500) });
        await using (slow)
        {
            await using var first = Start(slow.StartUrl, state, _temp.File("first.jsonl"));
            var firstExited = first.WaitForExitAsync(PerRun);
            (await WaitForLinesAsync(_temp.File("first.jsonl"), 1, firstExited, overall.Token)).ShouldBeTrue(first.Transcript());

            await using var second = Start(slow.StartUrl, state, _temp.File("second.jsonl"));
            var exit = await second.WaitForExitAsync(PerRun);

            exit.ShouldBe(2, second.Transcript());
            var error = string.Join('\n', second.Error);
            error.ShouldContain("in use by another run");
            error.ShouldContain(Path.Combine(state, "crawl.sqlite"));
            firstExited.IsCompleted.ShouldBeFalse("the first run goes on");
        }
    }

    [Fact]
    public async Task The_readmes_resume_command_stopped_and_run_again_resumes_its_own_crawl_and_writes_each_book_once()
    {
        // README: dotnet run --project examples/Bookstore -- --state bookstore-crawl --out books.jsonl   (Ctrl+C half way, then again)
        using var overall = new CancellationTokenSource(2 * ReadmeRun);
        string[] command = ["--state", "bookstore-crawl", "--out", "books.jsonl"];
        var output = _temp.File("books.jsonl");
        await using (var first = ChildProcess.Start(Example.Bookstore, _temp.Path, command))
        {
            var exited = first.WaitForExitAsync(ReadmeRun);
            (await WaitForLinesAsync(output, 300, exited, overall.Token)).ShouldBeTrue($"the first run stops half way: {first.Transcript()}");
            first.Signal(ChildProcess.SigInt);
            (await exited).ShouldBe(130, first.Transcript());
        }

        var stopped = CompleteLines(output).Count;
        await using (var second = ChildProcess.Start(Example.Bookstore, _temp.Path, command))
        {
            (await second.WaitForExitAsync(ReadmeRun)).ShouldBe(0, second.Transcript());
            var result = Processes.RunResult.Of(second);
            result.Items.ShouldBe(2000 - stopped, $"the second run writes only what the first did not: {second.Transcript()}");
            result.Skips("Robots").ShouldBe(0, "the carried-over URLs reach the demo site on its old port");
        }

        // The embedded site's ground truth: the same seed and book count, on whatever port.
        await using var truth = await BookstoreSite.StartAsync();
        var paths = CompleteLines(output).Select(l => new Uri(System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("url").GetString()!).AbsolutePath).ToList();
        paths.ShouldBeUnique("no book twice");
        paths.Order(StringComparer.Ordinal).ShouldBe(truth.Books.Select(b => b.Url.AbsolutePath).Order(StringComparer.Ordinal), "every book of the demo site");
    }

    /// <summary>
    /// <c>status</c> and <c>export</c> read a state directory between runs, through the commands a shared database uses: a
    /// crawl stopped half way shows its queue and exports exactly the items its output file holds; resumed to the end, it
    /// is finished and exports every item, as JSON Lines byte for byte the run's file, and as one JSON array. What cannot
    /// be read is refused naming the option: a directory a run is using, one with no state, CSV from JSON records.
    /// </summary>
    [Fact]
    public async Task Status_and_export_read_a_state_directory_between_runs()
    {
        using var overall = new CancellationTokenSource(Overall);
        const int books = 200;
        var state = _temp.File("read-state");
        var output = _temp.File("read.jsonl");
        await using var slow = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = books, Latency = TimeSpan.FromMilliseconds(500) });
        await using (var first = Start(slow.StartUrl, state, output))
        {
            var exited = first.WaitForExitAsync(PerRun);
            (await WaitForLinesAsync(output, 20, exited, overall.Token)).ShouldBeTrue($"the first run is under way: {first.Transcript()}");

            var busy = await StateCommandAsync(2, "status", "--state", state);
            busy.ShouldContain("in use by another run");
            busy.ShouldContain("(from --state)");

            first.Signal(ChildProcess.SigInt);
            (await exited).ShouldBe(130, first.Transcript());
        }

        var stopped = await StatusAsync(state);
        stopped.ShouldContain($"crawl    BookstoreScraper in {state} (state directory), created ");
        stopped.ShouldNotContain("(finished)", Case.Sensitive, "a crawl stopped half way has URLs queued");
        stopped.ShouldContain("runs     1");
        stopped.ShouldContain("hosts    queued  host");
        stopped.ShouldContain(slow.StartUrl.Authority);
        stopped.ShouldNotContain("workers", Case.Sensitive, "a state directory has no workers");
        var partial = await ExportAsync(state, "partial.jsonl");
        partial.ShouldBe(File.ReadAllText(output), "the export holds exactly the committed items, which a cleanly stopped run's file holds");
        var partialLines = partial.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        partialLines.Length.ShouldBeInRange(20, books - 1);
        stopped.ShouldContain($"items    {partialLines.Length:N0}");

        await using (var second = Start(slow.StartUrl, state, output))
        {
            (await second.WaitForExitAsync(PerRun)).ShouldBe(0, second.Transcript());
        }

        var finished = await StatusAsync(state);
        finished.ShouldContain("(finished)");
        finished.ShouldContain($"items    {books:N0}");
        finished.ShouldContain("runs     2");
        var all = await ExportAsync(state, "all.jsonl");
        all.ShouldBe(File.ReadAllText(output), "JSON Lines: byte for byte the run's output file");
        using (var array = System.Text.Json.JsonDocument.Parse(await ExportAsync(state, "all.json")))
        {
            array.RootElement.EnumerateArray().Select(e => e.GetRawText())
                .ShouldBe(all.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetRawText()), ".json: one array of the same items, in the same order");
        }

        var csv = await StateCommandAsync(2, "export", "--state", state, "--out", _temp.File("all.csv"));
        csv.ShouldContain("keeps its items as JSON, so they export as .jsonl, .ndjson or .json, not as CSV");
        csv.ShouldContain("(from --out)");
        File.Exists(_temp.File("all.csv")).ShouldBeFalse();

        var nowhere = _temp.File("no-state-here");
        var missing = await StateCommandAsync(2, "status", "--state", nowhere);
        missing.ShouldContain($"'{nowhere}' holds no crawl state");
        missing.ShouldContain("(from --state)");
        Directory.Exists(nowhere).ShouldBeFalse("reading a state creates nothing");
    }

    /// <summary>Runs <c>status</c> on a state directory; returns what it printed.</summary>
    private async Task<string> StatusAsync(string state)
    {
        await using var status = ChildProcess.Start(Example.Bookstore, _temp.Path, "status", "--state", state);
        (await status.WaitForExitAsync(PerRun)).ShouldBe(0, status.Transcript());
        return string.Join('\n', status.Output);
    }

    /// <summary>Runs <c>export</c> of a state directory to a file named <paramref name="name"/>; returns the file's text.</summary>
    private async Task<string> ExportAsync(string state, string name)
    {
        var path = _temp.File(name);
        await using (var export = ChildProcess.Start(Example.Bookstore, _temp.Path, "export", "--state", state, "--out", path))
        {
            (await export.WaitForExitAsync(PerRun)).ShouldBe(0, export.Transcript());
            string.Join('\n', export.Error).ShouldContain($"items of BookstoreScraper's crawl → {path}");
        }

        return File.ReadAllText(path, Encoding.UTF8);
    }

    /// <summary>Runs a state command that must end with <paramref name="exitCode"/>; returns its standard error.</summary>
    private async Task<string> StateCommandAsync(int exitCode, params string[] args)
    {
        await using var command = ChildProcess.Start(Example.Bookstore, _temp.Path, args);
        (await command.WaitForExitAsync(PerRun)).ShouldBe(exitCode, command.Transcript());
        return string.Join('\n', command.Error);
    }

    /// <summary>An uninterrupted run with a state directory of its own: its lines are the expected output.</summary>
    private async Task<List<string>> ReferenceRunAsync()
    {
        var output = _temp.File("reference.jsonl");
        await using (var child = Start(_site.StartUrl, _temp.File("reference-state"), output))
        {
            (await child.WaitForExitAsync(PerRun)).ShouldBe(0, child.Transcript());
        }

        var lines = CompleteLines(output);
        lines.Count.ShouldBe(BookCount);
        lines.ShouldBeUnique();
        lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("url").GetString()).ShouldBe(
            _site.Books.Select(b => b.Url.AbsoluteUri), ignoreOrder: true, "one item per book of the site's ground truth");
        return lines;
    }

    private ChildProcess Start(Uri startUrl, string state, string output) =>
        ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", startUrl.AbsoluteUri, "--state", state, "--out", output, "--quiet");

    /// <summary>The file's complete lines (a torn last line is left out).</summary>
    private static List<string> CompleteLines(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var text = new StreamReader(stream, Encoding.UTF8).ReadToEnd();
        var end = text.LastIndexOf('\n');
        return end < 0 ? [] : [.. text[..end].Split('\n')];
    }

    /// <summary>Waits, on file change notifications, until the file has <paramref name="target"/> complete lines; false when the process ends first.</summary>
    private static async Task<bool> WaitForLinesAsync(string path, int target, Task exited, CancellationToken cancellationToken)
    {
        using var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite | NotifyFilters.FileName,
        };
        watcher.Changed += (_, _) => changed.Release();
        watcher.Created += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (CompleteLines(path).Count >= target)
            {
                return true;
            }

            if (exited.IsCompleted)
            {
                return CompleteLines(path).Count >= target;
            }

            var left = PerRun - stopwatch.Elapsed;
            left.ShouldBeGreaterThan(TimeSpan.Zero, $"no progress to {target} lines");
            // Woken by the file's change notifications; the one-second bound only guards against a lost notification.
            await Task.WhenAny(changed.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellationToken), exited);
        }
    }
}
