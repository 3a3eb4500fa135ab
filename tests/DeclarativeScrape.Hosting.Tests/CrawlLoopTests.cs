using System.Text;
using Spectre.Console;

namespace DeclarativeScrape.Hosting.Tests;

/// <summary>The host's loop around a running crawl (events, items, progress, summary, stop), on a fake crawl.</summary>
public sealed class CrawlLoopTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly SignallingWriter _error = new();
    private readonly MemoryStream _stdout = new();
    private readonly FakeCrawl _crawl = new();

    private Task<int> RunAsync(string[] args, bool stdoutRedirected = true, CancellationToken cancellationToken = default, TimeSpan? lineInterval = null, IAnsiConsole? terminal = null)
    {
        var console = new HostConsole(new StringWriter(), () => _stdout, _error, stdoutRedirected, terminal);
        var runner = new HostRunner(console, registerSignals: false, () => _crawl)
        {
            LineInterval = lineInterval ?? TimeSpan.FromHours(1),
            LiveRefresh = TimeSpan.FromMilliseconds(10),
        };
        return runner.RunAsync(TestPlans.Plan(), args, null, null, cancellationToken);
    }

    private string Error => _error.ToString();

    private string Stdout => Encoding.UTF8.GetString(_stdout.ToArray());

    [Fact]
    public async Task A_finished_run_writes_items_to_standard_output_then_the_summary_and_result_and_exits_0()
    {
        var run = RunAsync(["--out", "-", "--url", "http://127.0.0.1:9/"]);
        (await _crawl.Started.Task.WaitAsync(Timeout)).StartUrls.ShouldBe([new Uri("http://127.0.0.1:9/")]);
        _crawl.Item("a");
        _crawl.Item("b");
        _crawl.Failure("http://127.0.0.1:9/broken");
        _crawl.Finish();

        (await run.WaitAsync(Timeout)).ShouldBe(ExitCodes.Success);
        Stdout.ShouldBe("{\"title\":\"a\"}\n{\"title\":\"b\"}\n");
        Error.ShouldContain("TestScraper: crawling http://127.0.0.1:9/");
        Error.ShouldContain("items → standard output");
        Error.ShouldContain("TestScraper finished in 00:00:02.0");
        Error.ShouldContain("failed     HttpStatus 1");
        Error.ShouldNotContain("failed http://127.0.0.1:9/broken"); // only with --verbose
        var lines = Error.TrimEnd().Split(Environment.NewLine);
        lines[^1].ShouldStartWith("RESULT {\"scraper\":\"TestScraper\",\"completed\":true,\"stop\":\"done\",\"exitCode\":0,");
        _crawl.Disposed.ShouldBeTrue();
    }

    [Fact]
    public async Task Without_out_items_go_to_redirected_standard_output_but_not_to_a_terminal()
    {
        var redirected = RunAsync([]);
        await _crawl.Started.Task.WaitAsync(Timeout);
        _crawl.Item("a");
        _crawl.Finish();
        (await redirected.WaitAsync(Timeout)).ShouldBe(ExitCodes.Success);
        Stdout.ShouldBe("{\"title\":\"a\"}\n");

        var terminal = new CrawlLoopTests();
        var run = terminal.RunAsync([], stdoutRedirected: false);
        await terminal._crawl.Started.Task.WaitAsync(Timeout);
        terminal._crawl.Item("a");
        terminal._crawl.Finish();
        (await run.WaitAsync(Timeout)).ShouldBe(ExitCodes.Success);
        terminal.Stdout.ShouldBeEmpty();
        terminal.Error.ShouldContain("not written: add --out FILE.jsonl");
    }

    [Fact]
    public async Task An_output_file_is_left_to_the_runtime_and_named_in_the_summary()
    {
        var run = RunAsync(["--out", "books.csv"]);
        (await _crawl.Started.Task.WaitAsync(Timeout)).OutputPath.ShouldBe("books.csv");
        _crawl.Item("a");
        _crawl.Finish();

        (await run.WaitAsync(Timeout)).ShouldBe(ExitCodes.Success);
        Stdout.ShouldBeEmpty();
        Error.ShouldContain("items      1 → books.csv");
    }

    [Fact]
    public async Task Verbose_prints_each_failure_as_it_happens()
    {
        var run = RunAsync(["--verbose", "--out", "x.jsonl"]);
        await _crawl.Started.Task.WaitAsync(Timeout);
        _crawl.Failure("http://h/broken.html");
        await _error.WaitForAsync("failed http://h/broken.html: HttpStatus 500 after 3 attempt(s)", Timeout);
        run.IsCompleted.ShouldBeFalse();
        _crawl.Item("a");
        _crawl.Finish();

        (await run.WaitAsync(Timeout)).ShouldBe(ExitCodes.Success);
    }

    [Fact]
    public async Task Redirected_output_gets_periodic_progress_lines()
    {
        var run = RunAsync(["--out", "x.jsonl"], lineInterval: TimeSpan.FromMilliseconds(20));
        await _crawl.Started.Task.WaitAsync(Timeout);
        _crawl.Item("a");
        await _error.WaitForAsync("| localhost:5080 1/8 +2 queued", Timeout);
        _crawl.Finish();

        (await run.WaitAsync(Timeout)).ShouldBe(ExitCodes.Success);
        Error.ShouldContain("[00:00:01] ");
    }

    [Fact]
    public async Task A_terminal_gets_the_live_display_with_failures_printed_above_it()
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(_error),
        });
        terminal.Profile.Width = 120;
        var run = RunAsync(["--verbose", "--out", "x.jsonl"], stdoutRedirected: false, terminal: terminal);
        await _crawl.Started.Task.WaitAsync(Timeout);
        await _error.WaitForAsync("pages/s", Timeout);
        _crawl.Failure("http://h/live.html");
        await _error.WaitForAsync("failed http://h/live.html", Timeout);
        _crawl.Item("a");
        _crawl.Finish();

        (await run.WaitAsync(Timeout)).ShouldBe(ExitCodes.Success);
        Error.ShouldContain("localhost:5080");
        Error.ShouldContain("Ctrl+C stops gracefully");
        Error.ShouldContain("TestScraper finished in");
        Error.ShouldNotContain("[00:00:01] "); // no plain progress lines on a terminal
    }

    [Fact]
    public async Task Quiet_prints_only_the_summary_and_result()
    {
        var run = RunAsync(["--quiet", "--out", "x.jsonl"], lineInterval: TimeSpan.FromMilliseconds(1));
        await _crawl.Started.Task.WaitAsync(Timeout);
        _crawl.Item("a");
        _crawl.Finish();

        (await run.WaitAsync(Timeout)).ShouldBe(ExitCodes.Success);
        Error.ShouldNotContain("crawling");
        Error.ShouldNotContain("queued");
        Error.ShouldStartWith("TestScraper finished in");
        Error.ShouldContain("RESULT {");
    }

    [Fact]
    public async Task Cancelling_stops_gracefully_the_run_drains_and_the_summary_still_prints()
    {
        using var cancel = new CancellationTokenSource();
        var run = RunAsync(["--out", "x.jsonl"], cancellationToken: cancel.Token);
        await _crawl.Started.Task.WaitAsync(Timeout);
        _crawl.Item("a");

        await cancel.CancelAsync();

        (await run.WaitAsync(Timeout)).ShouldBe(ExitCodes.Interrupted);
        Error.ShouldContain("Cancelled: stopping. No new requests; the requests in flight may finish for up to 10 s (--drain-timeout), then they are cancelled.");
        Error.ShouldContain("TestScraper cancelled after 00:00:02.0");
        Error.ShouldContain("\"stop\":\"cancelled\",\"exitCode\":130");
    }

    [Fact]
    public async Task A_run_that_processed_nothing_exits_1()
    {
        var run = RunAsync(["--out", "x.jsonl"]);
        await _crawl.Started.Task.WaitAsync(Timeout);
        _crawl.Failure("http://127.0.0.1:9/");
        _crawl.Finish();

        (await run.WaitAsync(Timeout)).ShouldBe(ExitCodes.Failed);
        Error.ShouldContain("\"exitCode\":1");
    }

    [Fact]
    public async Task A_run_that_throws_exits_1_with_the_message()
    {
        var run = RunAsync(["--out", "x.jsonl"]);
        await _crawl.Started.Task.WaitAsync(Timeout);
        _crawl.Fail(new IOException("disk full"));

        (await run.WaitAsync(Timeout)).ShouldBe(ExitCodes.Failed);
        Error.ShouldContain("error: disk full (IOException");
        _crawl.Disposed.ShouldBeTrue();
    }

    /// <summary>A string writer that lets a test wait until some text has been written.</summary>
    private sealed class SignallingWriter : StringWriter
    {
        private readonly object _lock = new();
        private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

        public override void Write(char value)
        {
            lock (_lock)
            {
                base.Write(value);
                Check();
            }
        }

        public override void Write(string? value)
        {
            lock (_lock)
            {
                base.Write(value);
                Check();
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_lock)
            {
                base.WriteLine(value);
                Check();
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return base.ToString();
            }
        }

        public Task WaitForAsync(string text, TimeSpan timeout)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock)
            {
                _waits.Add((text, seen));
                Check();
            }

            return seen.Task.WaitAsync(timeout);
        }

        private void Check()
        {
            var text = GetStringBuilder().ToString();
            foreach (var (wanted, seen) in _waits.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                seen.TrySetResult();
            }
        }
    }
}
