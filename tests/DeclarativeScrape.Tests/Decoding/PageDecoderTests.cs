using System.Text;

namespace DeclarativeScrape.Tests.Decoding;

/// <summary>The decoder's sources and their order, the override, and the entry points that use it.</summary>
public sealed class PageDecoderTests
{
    private static readonly byte[] Koi8Privet = [.. "<!doctype html><html><head><meta charset=koi8-r></head><body><p>"u8, 0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, .. "</p></body></html>"u8];

    [Theory]
    [InlineData(null, null, "KOI8-R", EncodingSource.Meta, "Привет")]
    [InlineData("text/html; charset=windows-1251", null, "windows-1251", EncodingSource.ContentType, "рТЙЧЕФ")]
    [InlineData("text/html; charset=windows-1251", "iso-8859-5", "ISO-8859-5", EncodingSource.Override, "№вЩзХд")]
    [InlineData("text/html; charset=utf-7", null, "KOI8-R", EncodingSource.Meta, "Привет")]   // an unknown label is skipped
    public void Each_source_in_turn_decides_and_says_so(string? contentType, string? pageEncoding, string name, EncodingSource source, string text)
    {
        var page = PageDecoder.Decode(Koi8Privet, contentType, pageEncoding);

        page.Encoding.ShouldBe(new EncodingDecision(name, source));
        page.Text.ShouldContain("<p>" + text + "</p>");
    }

    [Fact]
    public void A_byte_order_mark_wins_over_the_override_and_is_not_text()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<p>café</p>")];

        var page = PageDecoder.Decode(body, "text/html; charset=koi8-r", "windows-1251");

        page.Encoding.ShouldBe(new EncodingDecision("UTF-8", EncodingSource.ByteOrderMark));
        page.Text.ShouldBe("<p>café</p>");
    }

    [Fact]
    public void An_unlabelled_page_is_windows_1252_even_when_its_bytes_are_utf8()
    {
        var page = PageDecoder.Decode(Encoding.UTF8.GetBytes("<p>café “q”</p>"));

        page.Encoding.ShouldBe(new EncodingDecision("windows-1252", EncodingSource.Default));
        page.Text.ShouldBe("<p>cafÃ© â€œqâ€\u009D</p>");
    }

    [Theory]
    [InlineData("utf-8", true)]
    [InlineData("  LATIN1 ", true)]
    [InlineData("x-user-defined", true)]
    [InlineData("utf-7", false)]
    [InlineData("utf-32", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Labels_are_the_standards(string? label, bool known) => PageDecoder.IsEncodingLabel(label).ShouldBe(known);

    [Fact]
    public void An_override_that_is_no_label_is_refused()
    {
        Should.Throw<ArgumentException>(() => PageDecoder.Decode(Koi8Privet, null, "utf-7")).ParamName.ShouldBe("encoding");

        var options = new ScrapeOptions { StartUrls = [new Uri("http://127.0.0.1/")], PageEncoding = "utf-7" };
        var error = Should.Throw<ScrapeOptionsException>(options.Validate);
        error.OptionName.ShouldBe("PageEncoding");
        error.Message.ShouldContain("'utf-7' is not an encoding label of the WHATWG Encoding Standard");
    }

    [Fact]
    public void Saved_bytes_parse_as_the_crawl_decodes_them()
    {
        using var document = ExtractionDocument.ParseHtml(Koi8Privet);
        document.QuerySelector("p")!.TextContent.ShouldBe("Привет");

        using var labelled = ExtractionDocument.ParseHtml(Koi8Privet, "text/html; charset=windows-1251");
        labelled.QuerySelector("p")!.TextContent.ShouldBe("рТЙЧЕФ");
    }

    [Fact]
    public void Every_label_resolves_and_no_page_label_throws()
    {
        foreach (var label in EncodingLabels.All)
        {
            PageDecoder.IsEncodingLabel(label.ToUpperInvariant()).ShouldBeTrue(label);
            var page = PageDecoder.Decode("<meta charset=\""u8.ToArray().Concat(Encoding.ASCII.GetBytes(label)).Concat("\"><p>\u00e9</p>"u8.ToArray()).ToArray(), $"text/html; charset={label}");
            page.Encoding.Source.ShouldBe(EncodingSource.ContentType);
        }

        foreach (var junk in new[] { "text/html; charset=", "text/html; charset=\"", "text/html; charset=\"\\", ";;;=;", "text/html; charset=" + new string('x', 10_000) })
        {
            PageDecoder.Decode("<p>x</p>"u8, junk).Encoding.Source.ShouldBe(EncodingSource.Default);
        }
    }
}

/// <summary>A site whose header and <c>&lt;meta&gt;</c> say UTF-8 but whose pages are windows-1251.</summary>
[Scraper(StartUrl = "http://127.0.0.1:1/", StartPage = typeof(LyingSitePage))]
[PageEncoding("windows-1251")]
public static partial class LyingSiteScraper;

[Page, Item]
public partial record LyingSitePage
{
    [Text("h1")] public required string Title { get; init; }
}

public sealed class PageEncodingCrawlTests
{
    [Fact]
    public async Task The_scrapers_page_encoding_overrides_a_lying_header_and_meta()
    {
        await using var server = await DeclarativeScrape.TestSite.TestServer.StartAsync();
        server.Map("/", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.Body.WriteAsync(CodePages.GetEncoding(1251).GetBytes("<meta charset=utf-8><h1>Привет, мир</h1>"));
        });
        await using var engine = Crawls.Engine();
        var options = LyingSiteScraper.CreateOptions();
        options.PageEncoding.ShouldBe("windows-1251");
        options.StartUrls = [server.Url("/")];
        options.Robots.Obey = false;
        options.Engine = engine;

        var titles = await LyingSiteScraper.RunAsync(options).Select(p => p.Title).ToListAsync().AsTask().WaitAsync(Crawls.Bound);

        titles.ShouldBe(["Привет, мир"]);
    }

    private static class CodePages
    {
        static CodePages() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

        public static System.Text.Encoding GetEncoding(int codePage) => System.Text.Encoding.GetEncoding(codePage);
    }

    [Fact]
    public void A_huge_page_leaves_no_huge_decoding_buffer_in_the_shared_pool_but_a_normal_page_reuses_one()
    {
        // A 16 MiB page: its 16 Mi-character buffer is its own, and giving it back does not pool it.
        var huge = new byte[16 << 20];
        huge.AsSpan().Fill((byte)'a');
        PageDecoder.Decode(huge, "text/html; charset=utf-8", null, out var hugeChars, out var hugeLength);
        hugeLength.ShouldBe(huge.Length);
        hugeChars.Length.ShouldBeGreaterThan(PageDecoder.MaxPooledChars);
        PageDecoder.ReturnChars(hugeChars);
        var next = System.Buffers.ArrayPool<char>.Shared.Rent(hugeChars.Length);
        ReferenceEquals(next, hugeChars).ShouldBeFalse("a buffer above MaxPooledChars never goes back to the shared pool");
        System.Buffers.ArrayPool<char>.Shared.Return(next);

        // A 20 KB page: pooled, and the same thread's next page of that size gets the same buffer back.
        var page = new byte[20_000];
        page.AsSpan().Fill((byte)'b');
        PageDecoder.Decode(page, "text/html; charset=utf-8", null, out var chars, out _);
        PageDecoder.ReturnChars(chars);
        PageDecoder.Decode(page, "text/html; charset=utf-8", null, out var again, out var length);
        length.ShouldBe(page.Length);
        ReferenceEquals(again, chars).ShouldBeTrue("a normal page's buffer comes back from the pool");
        PageDecoder.ReturnChars(again);
    }
}
