using System.Text.Json;
using Spectre.Console;

namespace DeclarativeScrape.Hosting.Tests;

public sealed class ReportingTests
{
    private static ScrapeProgress Progress(params HostProgress[] hosts) => new()
    {
        Elapsed = TimeSpan.FromSeconds(65.4),
        PagesFetched = 12_345,
        PagesPerSecond = 187.25,
        InFlight = 16,
        Queued = 523,
        Items = 12_000,
        Processed = 12_100,
        Skipped = 30,
        Failed = 2,
        Retries = 5,
        Hosts = hosts,
    };

    private static ScrapeSummary Summary(long processed = 2_100, int failures = 0, bool completed = true) => new()
    {
        ScraperName = "BookstoreScraper",
        Completed = completed,
        Elapsed = TimeSpan.FromSeconds(12.34),
        Discovered = processed + 40 + failures,
        Processed = processed,
        SkippedByReason = new Dictionary<SkipReason, long> { [SkipReason.Duplicate] = 38, [SkipReason.Robots] = 2, [SkipReason.MaxDepth] = 0 },
        FailedByReason = failures == 0 ? new Dictionary<FailureReason, long>() : new Dictionary<FailureReason, long> { [FailureReason.HttpStatus] = failures },
        Items = 2_000,
        Requests = 2_180,
        Retries = 7,
        BytesReceived = 32_715_000,
        Failures = [.. Enumerable.Range(1, failures).Select(i => new UrlOutcome
        {
            Url = $"http://127.0.0.1:5080/missing-{i}.html",
            Kind = OutcomeKind.Failed,
            PageType = "BookPage",
            FailureReason = FailureReason.HttpStatus,
            StatusCode = 404,
            Attempts = 1,
        })],
        Hosts =
        [
            new HostRateSummary { Host = "127.0.0.1:5080", LearnedRequestsPerSecond = 47.55, RateLimitedAnswers = 23, Requests = 2_160 },
            new HostRateSummary { Host = "cdn.example", ConfiguredRequestsPerSecond = 2, Requests = 20 },
        ],
    };

    [Fact]
    public void A_progress_line_carries_every_counter_and_the_busiest_hosts()
    {
        var line = ProgressText.Line(Progress(
            new HostProgress("127.0.0.1:5080", 16, 16, 500), new HostProgress("a.example", 2, 4, 0),
            new HostProgress("b.example", 1, 8, 3), new HostProgress("c.example", 1, 8, 0), new HostProgress("d.example", 0, 8, 1)));

        line.ShouldBe("[00:01:05] 12,345 pages, 187.3/s | in flight 16 | queued 523 | items 12,000 | processed 12,100, skipped 30, failed 2 | retries 5" +
                      " | 127.0.0.1:5080 16/16 +500 queued, a.example 2/4, b.example 1/8 +3 queued, 2 more hosts");
    }

    [Fact]
    public void The_live_view_shows_counters_and_a_row_per_host()
    {
        var text = Render(ProgressView.Build("BookstoreScraper", Progress(new HostProgress("127.0.0.1:5080", 16, 12, 500)), stopping: false));

        text.ShouldContain("BookstoreScraper");
        text.ShouldContain("Ctrl+C stops gracefully");
        foreach (var expected in new[] { "pages", "12,345", "pages/s", "187.3", "in flight", "queued", "523", "items", "12,000", "processed", "12,100", "skipped", "30", "failed", "retries", "elapsed", "00:01:05" })
        {
            text.ShouldContain(expected);
        }

        text.ShouldContain("127.0.0.1:5080");
        text.ShouldContain("limit");
        text.ShouldMatch(@"127\.0\.0\.1:5080\s+16\s+12\s+500");
    }

    [Fact]
    public void The_live_view_says_when_it_is_stopping_and_caps_the_host_rows()
    {
        var hosts = Enumerable.Range(1, ProgressView.MaxHosts + 3).Select(i => new HostProgress($"h{i}.example", 1, 2, 0)).ToArray();

        var text = Render(ProgressView.Build("S", Progress(hosts), stopping: true));

        text.ShouldContain("stopping");
        text.ShouldContain($"h{ProgressView.MaxHosts}.example");
        text.ShouldNotContain($"h{ProgressView.MaxHosts + 1}.example");
        text.ShouldContain("3 more");
    }

    [Fact]
    public void The_summary_has_counts_by_reason_and_the_first_failures()
    {
        var lines = SummaryText.Lines(new RunReport(Summary(failures: 7), PagesFetched: 2_140, StopReason.None, "books.jsonl"));

        lines[0].ShouldBe("BookstoreScraper finished in 00:00:12.3");
        lines.ShouldContain("  pages      2,140 fetched, 173.4/s; 2,180 requests; 31.2 MiB received");
        lines.ShouldContain("  items      2,000 → books.jsonl");
        lines.ShouldContain("  URLs       2,147 discovered: 2,100 processed, 40 skipped, 7 failed");
        lines.ShouldContain("  skipped    Duplicate 38, Robots 2");
        lines.ShouldContain("  failed     HttpStatus 7");
        lines.ShouldContain("  retries    7");
        lines.ShouldContain("  rate       127.0.0.1:5080 learned 47.6 requests/s; 23 of 2,160 requests rate-limited");
        lines.ShouldContain("             cdn.example 2 requests/s as configured; 0 of 20 requests rate-limited");
        lines.ShouldContain("  first 5 of 7 failures:");
        lines.Count(l => l.StartsWith("    failed http://127.0.0.1:5080/missing-", StringComparison.Ordinal)).ShouldBe(5);
        lines.ShouldContain("    failed http://127.0.0.1:5080/missing-1.html: HttpStatus 404 after 1 attempt(s)");
        lines.ShouldNotContain(l => l.Contains("reconcile"));
    }

    [Fact]
    public void The_summary_says_how_the_run_stopped_and_where_items_went()
    {
        SummaryText.Lines(new RunReport(Summary(completed: false), 10, StopReason.Interrupted, null))[0].ShouldBe("BookstoreScraper stopped by Ctrl+C after 00:00:12.3");
        SummaryText.Lines(new RunReport(Summary(completed: false), 10, StopReason.Terminated, null))[0].ShouldStartWith("BookstoreScraper stopped by SIGTERM");
        SummaryText.Lines(new RunReport(Summary(), 10, StopReason.None, null)).ShouldContain(l => l.Contains("not written: add --out FILE.jsonl"));
        SummaryText.Lines(new RunReport(Summary() with { ItemsDropped = 25 }, 10, StopReason.None, "x.jsonl")).ShouldContain("  items      2,000 → x.jsonl; 25 dropped by the item hook");
        SummaryText.Lines(new RunReport(Summary() with { ItemsDropped = 0 }, 10, StopReason.None, "x.jsonl")).ShouldContain("  items      2,000 → x.jsonl");
    }

    [Fact]
    public void The_summary_warns_when_counts_do_not_reconcile()
    {
        var summary = Summary() with { Discovered = 1 };

        SummaryText.Lines(new RunReport(summary, 10, StopReason.None, null)).ShouldContain(l => l.Contains("do not reconcile"));
    }

    [Fact]
    public void An_extraction_failure_names_the_property_and_selector()
    {
        var outcome = new UrlOutcome
        {
            Url = "http://h/b.html",
            Kind = OutcomeKind.Failed,
            PageType = "BookPage",
            FailureReason = FailureReason.Extraction,
            Attempts = 1,
            ExtractionFailures = [new ExtractionFailure(new Uri("http://h/b.html"), "Price", "p.price_color", "no element matched"), new ExtractionFailure(new Uri("http://h/b.html"), "Title", null, "empty")],
        };

        SummaryText.Describe(outcome).ShouldBe("failed http://h/b.html: Extraction after 1 attempt(s) [Price (selector 'p.price_color'): no element matched] and 1 more");
    }

    [Fact]
    public void The_result_line_is_one_json_object_of_counts()
    {
        var line = ResultLine.Format(new RunReport(Summary(failures: 3) with { ItemsDropped = 25 }, 2_140, StopReason.None, "x.jsonl"));

        line.ShouldStartWith("RESULT {");
        line.ShouldNotContain('\n');
        using var json = JsonDocument.Parse(line["RESULT ".Length..]);
        var root = json.RootElement;
        root.GetProperty("scraper").GetString().ShouldBe("BookstoreScraper");
        root.GetProperty("completed").GetBoolean().ShouldBeTrue();
        root.GetProperty("stop").GetString().ShouldBe("done");
        root.GetProperty("exitCode").GetInt32().ShouldBe(0);
        root.GetProperty("elapsedSeconds").GetDouble().ShouldBe(12.34);
        root.GetProperty("pages").GetInt64().ShouldBe(2_140);
        root.GetProperty("requests").GetInt64().ShouldBe(2_180);
        root.GetProperty("items").GetInt64().ShouldBe(2_000);
        root.GetProperty("itemsDropped").GetInt64().ShouldBe(25);
        root.GetProperty("processed").GetInt64().ShouldBe(2_100);
        root.GetProperty("skipped").GetInt64().ShouldBe(40);
        root.GetProperty("failed").GetInt64().ShouldBe(3);
        root.GetProperty("retries").GetInt64().ShouldBe(7);
        root.GetProperty("bytes").GetInt64().ShouldBe(32_715_000);
        root.GetProperty("skippedByReason").GetProperty("Duplicate").GetInt64().ShouldBe(38);
        root.GetProperty("skippedByReason").TryGetProperty("MaxDepth", out _).ShouldBeFalse();
        root.GetProperty("failedByReason").GetProperty("HttpStatus").GetInt64().ShouldBe(3);
        root.GetProperty("reconciles").GetBoolean().ShouldBeTrue();
        var host = root.GetProperty("hosts")[0];
        host.GetProperty("host").GetString().ShouldBe("127.0.0.1:5080");
        host.GetProperty("learnedRps").GetDouble().ShouldBe(47.55);
        host.GetProperty("configuredRps").ValueKind.ShouldBe(JsonValueKind.Null);
        host.GetProperty("requests").GetInt64().ShouldBe(2_160);
        host.GetProperty("rateLimited").GetInt64().ShouldBe(23);
        root.GetProperty("hosts")[1].GetProperty("configuredRps").GetDouble().ShouldBe(2);
    }

    [Fact]
    public void A_host_that_met_no_limit_says_so()
    {
        SummaryText.HostRate(new HostRateSummary { Host = "a.example", Requests = 5 }).ShouldBe("a.example no rate limit met; 0 of 5 requests rate-limited");
        SummaryText.HostRate(new HostRateSummary { Host = "a.example", LearnedRequestsPerSecond = 4.25, ConfiguredRequestsPerSecond = 5, RateLimitedAnswers = 3, Requests = 5 })
            .ShouldBe("a.example learned 4.25 requests/s (configured 5); 3 of 5 requests rate-limited");
    }

    [Theory]
    [InlineData("None", 100, ExitCodes.Success)]
    [InlineData("None", 0, ExitCodes.Failed)]
    [InlineData("Interrupted", 100, ExitCodes.Interrupted)]
    [InlineData("Cancelled", 0, ExitCodes.Interrupted)]
    [InlineData("Terminated", 100, ExitCodes.Terminated)]
    public void The_exit_code_follows_how_the_run_ended(string stop, long processed, int exitCode) =>
        new RunReport(Summary(processed, failures: 2), 10, Enum.Parse<StopReason>(stop), null).ExitCode.ShouldBe(exitCode);

    [Fact]
    public void Resuming_a_finished_crawl_succeeds_and_the_summary_says_what_earlier_runs_did()
    {
        var summary = Summary(processed: 0) with
        {
            Resumed = new ResumedState { StateFile = "/s/crawl.sqlite", EarlierRuns = 2, Carried = 0, Processed = 2_100, Skipped = 0, Failed = 0, Items = 2_000 },
        };
        var report = new RunReport(summary, 0, StopReason.None, null);

        report.ExitCode.ShouldBe(ExitCodes.Success);
        SummaryText.Lines(report).ShouldContain("  resumed    0 URLs carried over from 2 earlier run(s), which processed 2,100 and wrote 2,000 items");
    }

    [Theory]
    [InlineData(true, true, false, "Quiet")]
    [InlineData(false, true, false, "Live")]
    [InlineData(false, false, false, "Lines")]
    [InlineData(false, true, true, "Lines")]
    public void The_report_mode_follows_the_terminal(bool quiet, bool ansiTerminal, bool itemsToTerminal, string mode) =>
        ReportModes.Choose(quiet, ansiTerminal, itemsToTerminal).ShouldBe(Enum.Parse<ReportMode>(mode));

    [Fact]
    public void The_start_banner_says_where_how_hard_and_where_items_go()
    {
        var options = TestPlans.Plan().CreateOptions();
        options.Limits.MaxPages = 100;
        options.Robots.Obey = false;

        var lines = StartBanner.Lines("TestScraper", options, "books.jsonl", new Uri("http://127.0.0.1:40123/catalogue/page-1.html"));

        lines[0].ShouldBe("No --url given: started the demo site at http://127.0.0.1:40123/ (it stops when the run ends).");
        lines[1].ShouldBe("TestScraper: crawling http://localhost:5080/catalogue/page-1.html");
        lines[2].ShouldBe("  hosts localhost; at most 16 in flight (8 per host); 50 requests/s per host; robots.txt ignored; max 100 pages");
        lines[3].ShouldBe("  items → books.jsonl");
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(32_715_000, "31.2 MiB")]
    public void Byte_counts_are_readable(long bytes, string text) => Quantities.Bytes(bytes).ShouldBe(text);

    [Fact]
    public void Durations_count_hours_past_a_day()
    {
        Quantities.Duration(TimeSpan.FromHours(25.5)).ShouldBe("25:30:00");
        Quantities.Duration(TimeSpan.FromMilliseconds(1250), tenths: true).ShouldBe("00:00:01.2");
    }

    private static string Render(Spectre.Console.Rendering.IRenderable renderable)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 120;
        console.Write(renderable);
        return writer.ToString();
    }
}
