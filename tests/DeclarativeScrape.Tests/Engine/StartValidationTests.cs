using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests;

public sealed class StartValidationTests
{
    public static TheoryData<string, Action<ScrapeOptions>> BadRunOptions => new()
    {
        { "OutputPath", o => o.OutputPath = "items.xml" },
        { "StateDirectory", o => o.StateDirectory = "" },
        { "AllowedHosts[0]", o => o.AllowedHosts.Add("http://shop.example/path") },
        { "Concurrency.PerHost", o => o.Concurrency.PerHost = 0 },
        { "Retry.MaxRateLimitedAttempts", o => o.Retry.MaxRateLimitedAttempts = 0 },
    };

    [Theory]
    [MemberData(nameof(BadRunOptions))]
    public async Task Start_RunAsync_and_ScrapeAsync_refuse_a_bad_option_by_name_before_any_request(string name, Action<ScrapeOptions> spoil)
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml());
        await using var engine = Crawls.Engine();
        var options = ShopPlan.Options(server.Url("/"));
        spoil(options);

        Should.Throw<ScrapeOptionsException>(() => engine.Start(ShopPlan.Create(), options)).OptionName.ShouldBe(name);
        Should.Throw<ScrapeOptionsException>(() => engine.RunAsync(ShopPlan.Create(), options)).OptionName.ShouldBe(name);
        (await Should.ThrowAsync<ScrapeOptionsException>(engine.ScrapeAsync(ShopPlan.Create(), options))).OptionName.ShouldBe(name);
        server.TotalHits.ShouldBe(0);
    }

    [Fact]
    public async Task Csv_output_for_items_that_are_not_one_table_is_refused()
    {
        var plan = new CrawlPlan<Product>("Union", ShopPlan.Create().Pages, new NoTable(), "f", () => new ScrapeOptions());
        await using var engine = Crawls.Engine();
        var options = ShopPlan.Options(new Uri("http://127.0.0.1:9/"));
        options.OutputPath = Path.Combine(Path.GetTempPath(), "items.csv");

        var error = Should.Throw<ScrapeOptionsException>(() => engine.Start(plan, options));

        error.OptionName.ShouldBe("OutputPath");
        error.Message.ShouldContain(".jsonl");
    }

    [Fact]
    public async Task An_output_file_that_cannot_be_created_is_refused_naming_the_option()
    {
        await using var engine = Crawls.Engine();
        var options = ShopPlan.Options(new Uri("http://127.0.0.1:9/"));
        var blocker = Path.GetTempFileName();
        options.OutputPath = Path.Combine(blocker, "items.jsonl");   // a directory that is a file

        try
        {
            Should.Throw<ScrapeOptionsException>(() => engine.Start(ShopPlan.Create(), options)).OptionName.ShouldBe("OutputPath");
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    public static TheoryData<string, Action<EngineOptions>> BadEngineOptions => new()
    {
        { "MaxConcurrency", o => o.MaxConcurrency = 0 },
        { "ParseWorkers", o => o.ParseWorkers = -1 },
        { "Proxies[0]", o => o.Proxies.Add(new Uri("ftp://proxy.example/")) },
    };

    [Theory]
    [MemberData(nameof(BadEngineOptions))]
    public void A_bad_engine_option_is_named(string name, Action<EngineOptions> spoil)
    {
        var options = new EngineOptions();
        spoil(options);

        Should.Throw<ScrapeOptionsException>(() => new ScrapeEngine(options)).OptionName.ShouldBe(name);
    }

    [Fact]
    public async Task A_disposed_engine_refuses_new_runs()
    {
        var engine = Crawls.Engine();
        await engine.DisposeAsync();

        Should.Throw<ObjectDisposedException>(() => engine.Start(ShopPlan.Create(), ShopPlan.Options(new Uri("http://127.0.0.1:9/"))));
    }

    private sealed class NoTable : ItemFormat<Product>
    {
        public override IReadOnlyList<string> CsvColumns => [];

        public override void WriteJson(System.Text.Json.Utf8JsonWriter writer, Product item) => writer.WriteStringValue(item.Title);

        public override void WriteCsvRow(Product item, Span<string?> cells)
        {
        }
    }
}
