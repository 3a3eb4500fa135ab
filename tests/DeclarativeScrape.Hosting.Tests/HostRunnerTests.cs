namespace DeclarativeScrape.Hosting.Tests;

public sealed class HostRunnerTests
{
    private readonly TestConsole _console = new();

    [Fact]
    public async Task A_bad_argument_exits_2_with_a_message_naming_it()
    {
        var code = await _console.RunAsync(["--concurrency", "zero"]);

        code.ShouldBe(ExitCodes.Usage);
        _console.Error.ToString().ShouldContain("error: --concurrency: 'zero' is not a whole number.");
        _console.Error.ToString().ShouldContain("--help");
        _console.StandardOutput.Length.ShouldBe(0);
    }

    [Fact]
    public async Task Help_lists_every_option_and_exits_0()
    {
        var code = await _console.RunAsync(["--help"]);

        code.ShouldBe(ExitCodes.Success);
        var help = _console.Output.ToString();
        foreach (var option in new[] { "--url", "--start", "--allowed-host", "--out", "--max-pages", "--max-depth", "--concurrency", "--per-host", "--rate", "--state", "--no-robots", "--quiet", "--verbose", "--version" })
        {
            help.ShouldContain(option);
        }

        help.ShouldContain(TestPlans.Name);
    }

    [Fact]
    public async Task Version_names_the_scraper_and_the_library()
    {
        var code = await _console.RunAsync(["--version"]);

        code.ShouldBe(ExitCodes.Success);
        _console.Output.ToString().ShouldStartWith(TestPlans.Name + " ");
        _console.Output.ToString().ShouldContain("(DeclarativeScrape ");
    }

    [Fact]
    public async Task An_options_error_at_start_up_exits_2_naming_the_option_and_the_argument()
    {
        var code = await _console.RunAsync(["--concurrency", "4", "--per-host", "8"]);

        code.ShouldBe(ExitCodes.Usage);
        var error = _console.Error.ToString();
        error.ShouldContain("error: Option 'Concurrency.PerHost': (8) must not be above Concurrency.Max (4).");
        error.ShouldContain("(from --per-host)");
        error.ShouldNotContain("Parameter");
    }

    [Fact]
    public async Task A_scraper_without_a_start_url_needs_one_on_the_command_line()
    {
        var code = await _console.RunAsync([], TestPlans.Plan(withStartUrl: false));

        code.ShouldBe(ExitCodes.Usage);
        _console.Error.ToString().ShouldContain("Option 'StartUrls'");
    }

    [Fact]
    public async Task Csv_output_for_a_scraper_with_several_item_types_exits_2_naming_out()
    {
        var code = await _console.RunAsync(["--out", "items.csv"], TestPlans.Plan(csv: false));

        code.ShouldBe(ExitCodes.Usage);
        _console.Error.ToString().ShouldContain("Option 'OutputPath': 'items.csv': TestScraper has several item types");
        _console.Error.ToString().ShouldContain("(from --out)");
    }

    [Fact]
    public async Task An_exception_while_running_exits_1_with_its_message()
    {
        var code = await _console.RunAsync([], configure: _ => throw new InvalidOperationException("the database is gone"));

        code.ShouldBe(ExitCodes.Failed);
        _console.Error.ToString().ShouldContain("error: the database is gone (InvalidOperationException");
    }

    [Fact]
    public async Task Configure_runs_after_the_scrapers_defaults_and_before_the_command_line()
    {
        ScrapeOptions? seen = null;
        var code = await _console.RunAsync(["--concurrency", "4", "--per-host", "8"], configure: o =>
        {
            o.Concurrency.Max.ShouldBe(16);
            o.Concurrency.Max = 2;
            seen = o;
        });

        code.ShouldBe(ExitCodes.Usage);
        seen.ShouldNotBeNull().Concurrency.Max.ShouldBe(4);
    }

    [Fact]
    public async Task Without_a_url_the_embedded_site_is_started_the_scraper_pointed_at_it_and_the_site_stopped()
    {
        var site = new FakeSite(new Uri("http://127.0.0.1:40123/catalogue/page-1.html"));
        ScrapeOptions? options = null;

        // An options error after the site started ends the run before any request, whatever the runtime does.
        var started = 0;
        var code = await _console.RunAsync(["--concurrency", "2", "--per-host", "3"], configure: o => options = o, site: (_, _) =>
        {
            started++;
            return Task.FromResult<IEmbeddedSite>(site);
        });

        code.ShouldBe(ExitCodes.Usage);
        started.ShouldBe(1);
        site.Disposed.ShouldBeTrue();
        options!.StartUrls.ShouldBe([site.StartUrl]);
        options.AllowedHosts.ShouldBe(["127.0.0.1"]);
    }

    [Fact]
    public async Task With_a_url_the_embedded_site_is_not_started()
    {
        var site = new FakeSite(new Uri("http://127.0.0.1:40123/"));

        var started = false;
        var code = await _console.RunAsync(["--url", "http://127.0.0.1:1/", "-c", "1", "--per-host", "2"], site: (_, _) =>
        {
            started = true;
            return Task.FromResult<IEmbeddedSite>(site);
        });

        code.ShouldBe(ExitCodes.Usage);
        started.ShouldBeFalse();
        _console.Error.ToString().ShouldContain("(from --per-host)");
    }

    [Fact]
    public async Task With_a_state_directory_the_embedded_site_comes_back_on_the_port_of_the_first_run()
    {
        var state = Path.Combine(Path.GetTempPath(), "ds-embedded-" + Guid.NewGuid().ToString("N"));
        try
        {
            var ports = new List<int>();
            Task<IEmbeddedSite> Start(int port)
            {
                ports.Add(port);
                return Task.FromResult<IEmbeddedSite>(new FakeSite(new Uri($"http://127.0.0.1:{(port == 0 ? 40123 : port)}/catalogue/page-1.html")));
            }

            // Each run ends at an options error after the site started: only the site's address matters here.
            string[] args = ["--state", state, "-c", "1", "--per-host", "2"];
            (await _console.RunAsync(args, site: (port, _) => Start(port))).ShouldBe(ExitCodes.Usage);
            (await _console.RunAsync(args, site: (port, _) => Start(port))).ShouldBe(ExitCodes.Usage);

            ports.ShouldBe([0, 40123], "a free port first, then the recorded one");
            File.ReadAllText(Path.Combine(state, EmbeddedSiteAddress.FileName)).Trim().ShouldBe("http://127.0.0.1:40123/catalogue/page-1.html");

            var moved = new TestConsole();
            (await moved.RunAsync(args, site: (_, _) => Task.FromResult<IEmbeddedSite>(new FakeSite(new Uri("http://127.0.0.1:40999/"))))).ShouldBe(ExitCodes.Usage);
            moved.Error.ToString().ShouldContain("Option 'StateDirectory': the embedded site started at http://127.0.0.1:40999/, but the crawl in");
            moved.Error.ToString().ShouldContain("(from --state)");
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private sealed class FakeSite(Uri startUrl) : IEmbeddedSite
    {
        public bool Disposed { get; private set; }

        public Uri StartUrl => startUrl;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
