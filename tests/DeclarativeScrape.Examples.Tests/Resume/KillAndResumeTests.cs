using System.Diagnostics;
using System.Text;
using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.Resume;

/// <summary>
/// The crash-safety promise of <c>--state</c>, tested the hard way: examples/Bookstore runs as a child process against
/// a demo bookstore served by this test process (so its port and ground truth stay the same across kills), is killed
/// with SIGKILL at random points (and stopped with SIGINT once), resumed each time with the same state and output, and
/// the final output must equal an uninterrupted run's, item for item.
/// </summary>
public sealed class KillAndResumeTests : IAsyncLifetime
{
    private const int BookCount = 1000;   // 50 listing pages; about 5 s at the scraper's 200 requests/s
    private const int Kills = 10;
    private const int Seed = 20261122;
    private static readonly TimeSpan Overall = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PerRun = TimeSpan.FromSeconds(90);

    private readonly string _root = Directory.CreateTempSubdirectory("declarativescrape-kill-").FullName;
    private BookstoreSite _site = default!;

    public async Task InitializeAsync() => _site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = BookCount });

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_crawl_killed_at_ten_random_points_and_resumed_each_time_writes_exactly_the_items_of_an_uninterrupted_run()
    {
        using var overall = new CancellationTokenSource(Overall);
        var reference = await ReferenceRunAsync(overall.Token);

        var state = Path.Combine(_root, "state");
        var output = Path.Combine(_root, "items.jsonl");
        var random = new Random(Seed);
        var stops = new List<string>();
        for (var i = 0; i < Kills; i++)
        {
            var before = CompleteLines(output).Count;
            await using var child = BookstoreProcess.Start(_site.StartUrl, state, output);
            var interrupt = i == Kills / 2;
            bool triggered;
            string how;
            if (i % 3 == 0 && !interrupt && before < BookCount / 2)
            {
                // Early in the run: while the runtime starts, the state opens, the output is repaired, the first pages come.
                var delay = TimeSpan.FromMilliseconds(random.Next(50, 1200));
                triggered = await Task.WhenAny(Task.Delay(delay, overall.Token), child.Exited) != child.Exited;
                how = $"after {delay.TotalMilliseconds:0} ms";
            }
            else
            {
                // Later: after a random number of new output lines, spread over the first 60 % of the items, so that every
                // kill falls before the end (the file lags the commits by up to a second: about 200 items).
                var target = before + 1 + random.Next(Math.Max(1, (BookCount * 6 / 10 - before) / (Kills - i)));
                triggered = await WaitForLinesAsync(output, target, child, overall.Token);
                how = $"at {target} lines (had {before})";
            }

            triggered.ShouldBeTrue($"stop {i + 1} came after the crawl ended by itself: {child.Log}");
            if (interrupt)
            {
                child.Interrupt();
                var exit = await child.WaitAsync(PerRun, overall.Token);
                exit.ShouldBe(130, $"Ctrl+C ends the run gracefully with exit code 130: {child.Log}");
                var text = File.ReadAllText(output);
                (text.Length == 0 || text.EndsWith('\n')).ShouldBeTrue("a clean stop leaves no torn line");
                stops.Add($"SIGINT {how}");
            }
            else
            {
                await child.KillAsync();
                stops.Add($"SIGKILL {how}");
            }

            // Whatever the moment, the complete lines in the file are distinct items of the reference run.
            var lines = CompleteLines(output);
            lines.ShouldBeUnique($"after {stops[^1]}");
            lines.ShouldBeSubsetOf(reference, $"after {stops[^1]}");
        }

        await using (var last = BookstoreProcess.Start(_site.StartUrl, state, output))
        {
            (await last.WaitAsync(PerRun, overall.Token)).ShouldBe(0, last.Log);
        }

        var final = File.ReadAllText(output);
        final.ShouldEndWith("\n", Case.Sensitive, "every line complete");
        var items = CompleteLines(output);
        items.ShouldBeUnique("no item twice");
        items.Order(StringComparer.Ordinal).ShouldBe(reference.Order(StringComparer.Ordinal), $"the same items as the uninterrupted run, after: {string.Join("; ", stops)}");

        // Resuming a finished crawl fetches nothing and writes nothing.
        var requests = _site.Traffic.Requests;
        await using (var again = BookstoreProcess.Start(_site.StartUrl, state, output))
        {
            (await again.WaitAsync(PerRun, overall.Token)).ShouldBe(0, again.Log);
        }

        File.ReadAllText(output).ShouldBe(final);
        _site.Traffic.Requests.ShouldBe(requests);
    }

    [Fact]
    public async Task A_second_process_on_a_state_directory_in_use_is_refused_naming_the_file()
    {
        using var overall = new CancellationTokenSource(Overall);
        var state = Path.Combine(_root, "busy-state");
        var slow = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = BookCount, Latency = TimeSpan.FromMilliseconds(500) });
        await using (slow)
        {
            await using var first = BookstoreProcess.Start(slow.StartUrl, state, Path.Combine(_root, "first.jsonl"));
            (await WaitForLinesAsync(Path.Combine(_root, "first.jsonl"), 1, first, overall.Token)).ShouldBeTrue(first.Log);

            await using var second = BookstoreProcess.Start(slow.StartUrl, state, Path.Combine(_root, "second.jsonl"));
            var exit = await second.WaitAsync(PerRun, overall.Token);

            exit.ShouldBe(2, second.Log);
            second.Log.ShouldContain("in use by another run");
            second.Log.ShouldContain(Path.Combine(state, "crawl.sqlite"));
            first.HasExited.ShouldBeFalse("the first run goes on");
        }
    }

    /// <summary>An uninterrupted run with a state directory of its own: its lines are the expected output.</summary>
    private async Task<List<string>> ReferenceRunAsync(CancellationToken cancellationToken)
    {
        var output = Path.Combine(_root, "reference.jsonl");
        await using (var child = BookstoreProcess.Start(_site.StartUrl, Path.Combine(_root, "reference-state"), output))
        {
            (await child.WaitAsync(PerRun, cancellationToken)).ShouldBe(0, child.Log);
        }

        var lines = CompleteLines(output);
        lines.Count.ShouldBe(BookCount);
        lines.ShouldBeUnique();
        lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("url").GetString()).ShouldBe(
            _site.Books.Select(b => b.Url.AbsoluteUri), ignoreOrder: true, "one item per book of the site's ground truth");
        return lines;
    }

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
    private static async Task<bool> WaitForLinesAsync(string path, int target, BookstoreProcess child, CancellationToken cancellationToken)
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

            if (child.HasExited)
            {
                return CompleteLines(path).Count >= target;
            }

            var left = PerRun - stopwatch.Elapsed;
            left.ShouldBeGreaterThan(TimeSpan.Zero, $"no progress to {target} lines: {child.Log}");
            // Woken by the file's change notifications; the one-second bound only guards against a lost notification.
            await Task.WhenAny(changed.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellationToken), child.Exited);
        }
    }
}
