namespace DeclarativeScrape.Hosting.Tests;

public sealed class CommandLineTests
{
    private static ScrapeOptions Apply(params string[] args)
    {
        var commandLine = new HostCommandLine(TestPlans.Name, "v");
        var parse = commandLine.Parse(args);
        parse.Errors.ShouldBeEmpty();
        var options = TestPlans.Plan().CreateOptions();
        OptionsBuilder.Apply(commandLine.Read(parse), options);
        return options;
    }

    private static IReadOnlyList<string> Errors(params string[] args) =>
        [.. new HostCommandLine(TestPlans.Name, "v").Parse(args).Errors.Select(e => e.Message)];

    [Fact]
    public void No_arguments_keep_the_scrapers_own_options()
    {
        var options = Apply();

        options.StartUrls.ShouldBe([TestPlans.StartUrl]);
        options.AllowedHosts.ShouldBe(["localhost"]);
        options.Concurrency.Max.ShouldBe(16);
        options.Concurrency.PerHost.ShouldBe(8);
        options.RateLimit.RequestsPerSecond.ShouldBe(50);
        options.Robots.Obey.ShouldBeTrue();
        options.OutputPath.ShouldBeNull();
        options.StateDirectory.ShouldBeNull();
    }

    [Fact]
    public void Urls_replace_the_start_urls_and_the_scope()
    {
        var options = Apply("--url", "http://127.0.0.1:41234/a.html", "--start", "https://Example.com/b", "-u", "http://127.0.0.1:41234/c.html");

        options.StartUrls.Select(u => u.AbsoluteUri).ShouldBe(["http://127.0.0.1:41234/a.html", "https://example.com/b", "http://127.0.0.1:41234/c.html"]);
        options.AllowedHosts.ShouldBe(["127.0.0.1", "example.com"]);
    }

    [Fact]
    public void Allowed_hosts_replace_the_scope_even_with_urls()
    {
        var options = Apply("--url", "http://127.0.0.1:41234/", "--allowed-host", "127.0.0.1", "--allowed-host", "*.example.com");

        options.AllowedHosts.ShouldBe(["127.0.0.1", "*.example.com"]);
    }

    [Fact]
    public void The_path_scope_replaces_the_scrapers()
    {
        var options = Apply("--path-prefix", "/docs/", "--include", "**.html", "--include", "**/", "--exclude", "**?*");

        options.Scope.PathPrefix.ShouldBe("/docs/");
        options.Scope.Include.ShouldBe(["**.html", "**/"]);
        options.Scope.Exclude.ShouldBe(["**?*"]);
    }

    [Fact]
    public void Headers_and_cookies_are_added()
    {
        var options = Apply("--header", "Accept-Language: fr", "-H", "X-Api-Key:  k1 ", "--cookie", "session=abc=1");

        options.Headers["Accept-Language"].ShouldBe("fr");
        options.Headers["X-Api-Key"].ShouldBe("k1");
        options.Cookies.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Name.ShouldBe("session"), c => c.Value.ShouldBe("abc=1"));
    }

    [Fact]
    public void Limits_robots_state_and_output_are_set()
    {
        var options = Apply("--max-pages", "500", "--max-depth", "3", "--order", "depth-first", "--no-robots", "--state", "crawl-state", "--out", "books.jsonl", "--drain-timeout", "2.5");

        options.Limits.MaxPages.ShouldBe(500);
        options.Limits.MaxDepth.ShouldBe(3);
        options.Order.ShouldBe(CrawlOrder.DepthFirst);
        Apply("--order", "breadth-first").Order.ShouldBe(CrawlOrder.BreadthFirst);
        Apply().Order.ShouldBe(CrawlOrder.ItemsFirst);
        options.Robots.Obey.ShouldBeFalse();
        options.StateDirectory.ShouldBe("crawl-state");
        options.OutputPath.ShouldBe("books.jsonl");
        options.Timeouts.Drain.ShouldBe(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public void The_user_agent_and_how_long_an_unreachable_robots_txt_is_retried_are_set()
    {
        var options = Apply("--user-agent", "ExampleBot/2.0 (+https://example.com/bot)", "--robots-unreachable-timeout", "7.5");

        options.UserAgent.ShouldBe("ExampleBot/2.0 (+https://example.com/bot)");
        options.Robots.UnreachableTimeout.ShouldBe(TimeSpan.FromSeconds(7.5));
        Apply().UserAgent.ShouldBe(ScrapeOptions.DefaultUserAgent);
        Apply().Robots.UnreachableTimeout.ShouldBe(TimeSpan.FromSeconds(RobotsOptions.DefaultUnreachableTimeoutSeconds));
    }

    [Fact]
    public void Concurrency_sets_both_limits_so_at_most_n_are_in_flight()
    {
        var options = Apply("--concurrency", "64");

        options.Concurrency.Max.ShouldBe(64);
        options.Concurrency.PerHost.ShouldBe(64);
    }

    [Fact]
    public void Per_host_sets_the_host_limit_and_raises_the_overall_one_when_needed()
    {
        Apply("--per-host", "4").Concurrency.ShouldSatisfyAllConditions(c => c.Max.ShouldBe(16), c => c.PerHost.ShouldBe(4));
        Apply("--per-host", "32").Concurrency.ShouldSatisfyAllConditions(c => c.Max.ShouldBe(32), c => c.PerHost.ShouldBe(32));
        Apply("-c", "64", "--per-host", "16").Concurrency.ShouldSatisfyAllConditions(c => c.Max.ShouldBe(64), c => c.PerHost.ShouldBe(16));
    }

    [Fact]
    public void Rate_sets_requests_per_second_and_zero_removes_the_limit()
    {
        Apply("--rate", "2.5").RateLimit.RequestsPerSecond.ShouldBe(2.5);
        Apply("--rate", "0").RateLimit.RequestsPerSecond.ShouldBeNull();
    }

    [Fact]
    public void Size_caps_redirects_burst_and_adaptivity_are_set_from_the_command_line()
    {
        var options = Apply("--max-response-size", "8MiB", "--max-decompressed-size", "512KiB", "--body-budget", "100MB", "--max-redirects", "3", "--rate", "5", "--burst", "4", "--no-adaptive");

        options.Limits.MaxResponseBytes.ShouldBe(8L << 20);
        options.Limits.MaxDecompressedBytes.ShouldBe(512L << 10);
        options.Limits.BodyBudgetBytes.ShouldBe(100_000_000);
        options.Limits.MaxRedirects.ShouldBe(3);
        options.RateLimit.Burst.ShouldBe(4);
        options.Concurrency.Adaptive.ShouldBeFalse();
        options.RateLimit.Adaptive.ShouldBeFalse();
    }

    [Theory]
    [InlineData("1048576", 1L << 20)]
    [InlineData("16MiB", 16L << 20)]
    [InlineData("16 mib", 16L << 20)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("64K", 64L << 10)]
    [InlineData("2kB", 2000)]
    [InlineData("3GB", 3_000_000_000)]
    public void Sizes_take_binary_and_decimal_units(string text, long bytes)
    {
        HostCommandLine.TryParseSize(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(bytes);
    }

    [Fact]
    public void Page_encoding_overrides_the_pages_labels()
    {
        Apply("--page-encoding", "windows-1251").PageEncoding.ShouldBe("windows-1251");
        Apply().PageEncoding.ShouldBeNull();
    }

    [Fact]
    public void Http_cache_sets_the_development_caches_directory_and_size()
    {
        var options = Apply("--http-cache", "cache", "--http-cache-size", "2MiB");
        options.HttpCache.Directory.ShouldBe("cache");
        options.HttpCache.MaxBytes.ShouldBe(2L << 20);
        Apply().HttpCache.Directory.ShouldBeNull("off by default");
    }

    [Fact]
    public void Out_dash_writes_no_file()
    {
        var commandLine = new HostCommandLine(TestPlans.Name, "v");
        var settings = commandLine.Read(commandLine.Parse(["--out", "-"]));
        var options = TestPlans.Plan().CreateOptions();
        options.OutputPath = "from-code.jsonl";

        OptionsBuilder.Apply(settings, options);

        settings.OutToStandardOutput.ShouldBeTrue();
        options.OutputPath.ShouldBeNull();
    }

    [Fact]
    public void Quiet_and_verbose_are_read()
    {
        var commandLine = new HostCommandLine(TestPlans.Name, "v");
        commandLine.Read(commandLine.Parse(["-q"])).Quiet.ShouldBeTrue();
        commandLine.Read(commandLine.Parse(["--verbose"])).Verbose.ShouldBeTrue();
    }

    [Theory]
    [InlineData("--max-pages", "abc", "--max-pages: 'abc' is not a whole number.")]
    [InlineData("--max-pages", "-1", "--max-pages: must be at least 0, was -1.")]
    [InlineData("--max-depth", "1.5", "--max-depth: '1.5' is not a whole number.")]
    [InlineData("--order", "random", "--order: 'random' is not an order; use items-first, breadth-first or depth-first.")]
    [InlineData("--concurrency", "0", "--concurrency: must be at least 1, was 0.")]
    [InlineData("--per-host", "x", "--per-host: 'x' is not a whole number.")]
    [InlineData("--rate", "fast", "--rate: 'fast' is not a number of requests per second.")]
    [InlineData("--rate", "-2", "--rate: must be positive (or 0 for no limit), was -2.")]
    [InlineData("--url", "ftp://example.com/", "--url: 'ftp://example.com/' is not an absolute http or https URL.")]
    [InlineData("--url", "/catalogue/page-1.html", "--url: '/catalogue/page-1.html' is not an absolute http or https URL.")]
    [InlineData("--allowed-host", "http://example.com/", "--allowed-host: 'http://example.com/' is not a host name (give example.com, not a URL).")]
    [InlineData("--out", "items.txt", "--out: 'items.txt' has no known extension; use .jsonl, .ndjson, .json or .csv, or - for standard output.")]
    [InlineData("--state", " ", "--state: needs a directory path.")]
    [InlineData("--header", "X-Key", "--header: 'X-Key' is not 'Name: value'.")]
    [InlineData("--cookie", "session", "--cookie: 'session' is not name=value.")]
    [InlineData("--drain-timeout", "-1", "--drain-timeout: '-1' is not a number of seconds (0 or more).")]
    [InlineData("--robots-unreachable-timeout", "soon", "--robots-unreachable-timeout: 'soon' is not a number of seconds (0 or more).")]
    [InlineData("--body-budget", "lots", "--body-budget: 'lots' is not a size; give bytes, or a number with KiB, MiB, GiB (or kB, MB, GB), such as 16MiB.")]
    [InlineData("--max-response-size", "0", "--max-response-size: must be positive, was 0.")]
    [InlineData("--max-redirects", "-1", "--max-redirects: must be at least 0, was -1.")]
    [InlineData("--burst", "0", "--burst: must be at least 1, was 0.")]
    [InlineData("--http-cache", " ", "--http-cache: needs a directory path.")]
    [InlineData("--http-cache-size", "0", "--http-cache-size: must be positive, was 0.")]
    [InlineData("--page-encoding", "utf-7", "--page-encoding: 'utf-7' is not an encoding label of the WHATWG Encoding Standard (for example utf-8, windows-1251, shift_jis, gbk).")]
    public void A_bad_value_is_an_error_naming_the_argument(string option, string value, string message) =>
        Errors(option, value).ShouldBe([message]);

    [Fact]
    public void Unknown_arguments_missing_values_and_contradictions_are_errors()
    {
        Errors("--max-pagez", "3").ShouldContain(e => e.Contains("--max-pagez"));
        Errors("--max-pages").ShouldContain(e => e.Contains("--max-pages"));
        Errors("--quiet", "--verbose").ShouldBe(["--quiet and --verbose cannot be used together."]);
    }

    [Theory]
    [InlineData("a.jsonl", "jsonl")]
    [InlineData("a.NDJSON", "jsonl")]
    [InlineData("dir/a.json", "json")]
    [InlineData("a.csv", "csv")]
    [InlineData("a.xml", null)]
    [InlineData("noextension", null)]
    public void The_output_extension_picks_the_format(string path, string? format) => HostCommandLine.OutputFormatOf(path).ShouldBe(format);

    [Theory]
    [InlineData("Concurrency.PerHost", new[] { "--per-host", "4" }, "--per-host")]
    [InlineData("Concurrency.PerHost", new[] { "-c", "4" }, "--concurrency")]
    [InlineData("Concurrency.Max", new[] { "-c", "4" }, "--concurrency")]
    [InlineData("StartUrls[0]", new[] { "--url", "http://a/" }, "--url")]
    [InlineData("AllowedHosts[1]", new[] { "--allowed-host", "a" }, "--allowed-host")]
    [InlineData("OutputPath", new[] { "--out", "a.csv" }, "--out")]
    [InlineData("Scope.PathPrefix", new[] { "--path-prefix", "docs" }, "--path-prefix")]
    [InlineData("Scope.Exclude[1]", new[] { "--exclude", "**.pdf", "--exclude", "x" }, "--exclude")]
    [InlineData("RateLimit.RequestsPerSecond", new[] { "--rate", "3" }, "--rate")]
    [InlineData("Limits.BodyBudgetBytes", new[] { "--body-budget", "1MiB" }, "--body-budget")]
    [InlineData("Limits.BodyBudgetBytes", new[] { "--max-decompressed-size", "1GiB" }, "--max-decompressed-size")]
    [InlineData("Limits.MaxResponseBytes", new[] { "--max-response-size", "1" }, "--max-response-size")]
    [InlineData("PageEncoding", new[] { "--page-encoding", "sjis" }, "--page-encoding")]
    [InlineData("HttpCache.Directory", new[] { "--http-cache", "c" }, "--http-cache")]
    [InlineData("HttpCache.MaxBytes", new[] { "--http-cache-size", "1" }, "--http-cache-size")]
    [InlineData("UserAgent", new[] { "--user-agent", " " }, "--user-agent")]
    [InlineData("Robots.UnreachableTimeout", new[] { "--robots-unreachable-timeout", "5" }, "--robots-unreachable-timeout")]
    [InlineData("Concurrency.PerHost", new string[0], null)]
    [InlineData("Retry.MaxAttempts", new[] { "-c", "4" }, null)]
    public void An_options_error_is_traced_to_the_argument_that_set_it(string optionName, string[] args, string? argument)
    {
        var commandLine = new HostCommandLine(TestPlans.Name, "v");

        OptionsBuilder.ArgumentFor(commandLine.Read(commandLine.Parse(args)), optionName).ShouldBe(argument);
    }
}
