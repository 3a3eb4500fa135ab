using System.Text.Json;
using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests;

public sealed class OutputFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("declarativescrape-output-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<TestServer> ShopAsync()
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/p/1"), ShopPlan.Product("/p/2")))
              .MapHtml("/p/1", ShopPlan.ProductHtml("Plain", "1.5"))
              .MapHtml("/p/2", ShopPlan.ProductHtml("Comma, \"quoted\" & <b>tagged</b>", null));
        return server;
    }

    [Fact]
    public async Task Items_are_written_as_json_lines()
    {
        await using var server = await ShopAsync();
        await using var engine = Crawls.Engine();
        var options = ShopPlan.Options(server.Url("/"));
        options.OutputPath = Path.Combine(_directory, "nested", "items.jsonl");

        var summary = await engine.ScrapeAsync(ShopPlan.Create(), options).WaitAsync(Crawls.Bound);

        summary.Items.ShouldBe(2);
        var lines = await File.ReadAllLinesAsync(options.OutputPath);
        lines.Length.ShouldBe(2);
        var items = lines.Select(l => JsonDocument.Parse(l).RootElement).OrderBy(e => e.GetProperty("title").GetString(), StringComparer.Ordinal).ToList();
        items[0].GetProperty("title").GetString().ShouldBe("Comma, \"quoted\" & tagged");
        items[0].GetProperty("price").ValueKind.ShouldBe(JsonValueKind.Null);
        items[1].GetProperty("price").GetDecimal().ShouldBe(1.5m);
        items[1].GetProperty("url").GetString().ShouldBe(server.Url("/p/1").AbsoluteUri);
    }

    [Fact]
    public async Task Items_are_written_as_csv_with_a_header_and_rfc_4180_quoting()
    {
        await using var server = await ShopAsync();
        await using var engine = Crawls.Engine();
        var options = ShopPlan.Options(server.Url("/"));
        options.OutputPath = Path.Combine(_directory, "items.csv");

        await engine.ScrapeAsync(ShopPlan.Create(), options).WaitAsync(Crawls.Bound);

        var text = await File.ReadAllTextAsync(options.OutputPath);
        var rows = text.Split("\r\n");
        rows[0].ShouldBe("title,price,url");
        rows.Length.ShouldBe(4);
        rows[3].ShouldBe(string.Empty);
        rows[1..3].Order(StringComparer.Ordinal).ShouldBe(
        [
            $"\"Comma, \"\"quoted\"\" & tagged\",,{server.Url("/p/2").AbsoluteUri}",
            $"Plain,1.5,{server.Url("/p/1").AbsoluteUri}",
        ]);
    }

    [Fact]
    public void A_record_reaches_the_file_within_the_flush_interval_while_the_run_goes_on()
    {
        var time = new ManualTimeProvider();
        var path = Path.Combine(_directory, "live.jsonl");
        using var writer = ItemWriter<Product>.Open(path, ShopPlan.Create().Format, time);

        writer.TryWrite([new Product("Early", 1, "http://shop.example/1")], out _).ShouldBeTrue();
        ReadShared(path).ShouldBeEmpty();

        time.Advance(ItemWriter<Product>.FlushInterval);
        ReadShared(path).ShouldBe("{\"title\":\"Early\",\"price\":1,\"url\":\"http://shop.example/1\"}\n");
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
