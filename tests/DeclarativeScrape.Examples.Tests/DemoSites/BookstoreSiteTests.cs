using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.DemoSites;

public sealed class BookstoreSiteTests : IAsyncLifetime
{
    private const int BookCount = 95; // 5 listing pages, the last one partly filled
    private const int PagerWindow = 3;
    private readonly SiteClient _client = new();
    private BookstoreSite _site = default!;

    public async Task InitializeAsync() =>
        _site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = BookCount, PagerWindow = PagerWindow });

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public void The_site_listens_on_loopback_and_starts_at_the_first_listing_page()
    {
        _site.BaseUrl.Host.ShouldBe("127.0.0.1");
        _site.BaseUrl.Port.ShouldBeGreaterThan(0);
        _site.StartUrl.ShouldBe(new Uri(_site.BaseUrl, "catalogue/page-1.html"));
        _site.ListingPageCount.ShouldBe(5);
        _site.Books.Count.ShouldBe(BookCount);
        _site.Books.Select(b => b.Id).ShouldBe(Enumerable.Range(1, BookCount));
    }

    [Fact]
    public void The_site_ignores_process_signals_so_ctrl_c_leaves_it_serving_while_a_crawl_drains() =>
        _site.Server.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostLifetime)).ShouldBeOfType<EmbeddedLifetime>();

    [Fact]
    public async Task The_listing_pages_link_every_book_exactly_once()
    {
        var linked = new List<Uri>();
        for (var page = 1; page <= _site.ListingPageCount; page++)
        {
            var url = _site.ListingUrl(page);
            var document = await _client.GetDocumentAsync(url);
            var links = document.QuerySelectorAll("article.product_pod h3 a").Select(a => SiteClient.Resolve(a, "href", url)).ToList();
            links.Count.ShouldBe(page < _site.ListingPageCount ? 20 : BookCount - 80);
            linked.AddRange(links);
        }

        linked.ShouldBe(_site.Books.Select(b => b.Url));
    }

    [Fact]
    public async Task The_pager_links_previous_next_and_a_window_of_following_pages()
    {
        var first = await _client.GetDocumentAsync(_site.ListingUrl(1));
        first.QuerySelector("li.previous a").ShouldBeNull();
        SiteClient.Resolve(first.QuerySelector("li.next a")!, "href", _site.ListingUrl(1)).ShouldBe(_site.ListingUrl(2));
        first.QuerySelectorAll("ul.pager li.page a").Select(a => SiteClient.Resolve(a, "href", _site.ListingUrl(1)))
            .ShouldBe([_site.ListingUrl(2), _site.ListingUrl(3), _site.ListingUrl(4)]);
        SiteClient.Text(first.QuerySelector("ul.pager li.current")).ShouldBe("Page 1 of 5");

        var last = await _client.GetDocumentAsync(_site.ListingUrl(5));
        last.QuerySelector("li.next a").ShouldBeNull();
        last.QuerySelectorAll("li.page a").ShouldBeEmpty();
        SiteClient.Resolve(last.QuerySelector("li.previous a")!, "href", _site.ListingUrl(5)).ShouldBe(_site.ListingUrl(4));
    }

    [Fact]
    public async Task Every_book_page_shows_its_ground_truth_under_the_documented_selectors()
    {
        foreach (var book in _site.Books)
        {
            var page = await _client.GetDocumentAsync(book.Url);
            SiteClient.Text(page.QuerySelector("div.product_main h1")).ShouldBe(book.Title);
            var price = SiteClient.Text(page.QuerySelector("p.price_color"));
            price.ShouldStartWith("£");
            decimal.Parse(price[1..], CultureInfo.InvariantCulture).ShouldBe(book.Price);
            SiteClient.Resolve(page.QuerySelector("div.item img")!, "src", book.Url).ShouldBe(book.Cover);
            page.QuerySelector("p.star-rating")!.ClassList.ShouldBe(["star-rating", book.Rating]);
            SiteClient.Text(page.QuerySelector("ul.breadcrumb li:nth-child(3) a")).ShouldBe(book.Category);
            SiteClient.Text(page.QuerySelector("p.availability")).ShouldBe(book.Availability);
            SiteClient.Text(page.QuerySelector("#product_description + p")).ShouldBe(book.Description);
            var specs = page.QuerySelectorAll("table tr").ToDictionary(tr => SiteClient.Text(tr.QuerySelector("th")), tr => SiteClient.Text(tr.QuerySelector("td")));
            specs["UPC"].ShouldBe(book.Upc);
            specs["Availability"].ShouldBe(book.Availability);
            specs["Number of reviews"].ShouldBe(book.Reviews.Count.ToString(CultureInfo.InvariantCulture));
            specs["Price (incl. tax)"].ShouldBe(price);

            var reviews = page.QuerySelectorAll("#reviews article");
            reviews.Length.ShouldBe(book.Reviews.Count);
            for (var i = 0; i < reviews.Length; i++)
            {
                var expected = book.Reviews[i];
                SiteClient.Text(reviews[i].QuerySelector("h3")).ShouldBe(expected.Title);
                SiteClient.Text(reviews[i].QuerySelector(".author")).ShouldBe(expected.Author);
                reviews[i].QuerySelector("time")!.GetAttribute("datetime").ShouldBe(expected.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                reviews[i].QuerySelector("p.star-rating")!.ClassList.ShouldContain(expected.Rating);
                SiteClient.Text(reviews[i].QuerySelector(".review-text")).ShouldBe(expected.Text);
            }
        }
    }

    [Fact]
    public async Task The_markup_uses_entities_and_non_ascii_text_that_a_scraper_must_decode()
    {
        var catalog = await FetchAllBookHtmlAsync();
        catalog.ShouldContain("&amp;");
        catalog.ShouldContain("&#39;");
        catalog.ShouldContain("&quot;");
        catalog.ShouldContain("&mdash;");
        _site.Books.ShouldContain(b => b.Title.Contains('&') || b.Title.Contains('\''));
        _site.Books.SelectMany(b => b.Reviews).ShouldContain(r => r.Author.Any(c => c > 127));
        _site.Books.SelectMany(b => b.Reviews).ShouldContain(r => r.Text.Contains('"') || r.Text.Contains('<'));
        _site.Books.ShouldContain(b => b.Stock == 0 && b.Availability == "Out of stock");
        _site.Books.ShouldContain(b => b.Title.Length > 40);
    }

    [Fact]
    public async Task Long_titles_are_shortened_in_listings_but_kept_in_the_title_attribute()
    {
        var book = _site.Books.First(b => b.Title.Length > 40);
        var page = (book.Id - 1) / 20 + 1;
        var listing = await _client.GetDocumentAsync(_site.ListingUrl(page));
        var link = listing.QuerySelectorAll("article.product_pod h3 a").Single(a => SiteClient.Resolve(a, "href", _site.ListingUrl(page)) == book.Url);
        link.GetAttribute("title").ShouldBe(book.Title);
        SiteClient.Text(link).ShouldEndWith("...");
    }

    [Fact]
    public async Task Each_category_lists_exactly_its_books_across_its_pages()
    {
        _site.Categories.Sum(c => c.BookIds.Count).ShouldBe(BookCount);
        foreach (var category in _site.Categories.Where(c => c.BookIds.Count > 0).Take(4))
        {
            var found = new List<Uri>();
            for (Uri? url = category.Url; url is not null;)
            {
                var document = await _client.GetDocumentAsync(url);
                SiteClient.Text(document.QuerySelector("div.page-header h1")).ShouldBe(category.Name);
                found.AddRange(document.QuerySelectorAll("article.product_pod h3 a").Select(a => SiteClient.Resolve(a, "href", url)));
                var next = document.QuerySelector("li.next a");
                url = next is null ? null : SiteClient.Resolve(next, "href", url);
            }

            found.ShouldBe(category.BookIds.Select(id => _site.Books[id - 1].Url));
            category.BookIds.ShouldAllBe(id => _site.Books[id - 1].Category == category.Name);
        }
    }

    [Fact]
    public async Task The_expected_jsonl_endpoint_holds_one_line_per_book_with_every_field()
    {
        var text = await _client.Http.GetStringAsync(_site.Url(BookstoreSite.ExpectedJsonLinesPath));
        text.ShouldBe(BookstoreSite.ToJsonLines(_site.Books));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(BookCount);
        foreach (var (line, book) in lines.Zip(_site.Books))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            root.GetProperty("id").GetInt32().ShouldBe(book.Id);
            root.GetProperty("url").GetString().ShouldBe(book.Url.AbsoluteUri);
            root.GetProperty("title").GetString().ShouldBe(book.Title);
            root.GetProperty("price").GetDecimal().ShouldBe(book.Price);
            root.GetProperty("rating").GetString().ShouldBe(book.Rating);
            root.GetProperty("category").GetString().ShouldBe(book.Category);
            root.GetProperty("cover").GetString().ShouldBe(book.Cover.AbsoluteUri);
            root.GetProperty("reviews").GetArrayLength().ShouldBe(book.Reviews.Count);
        }
    }

    [Fact]
    public async Task Robots_txt_disallows_the_basket_and_has_no_crawl_delay_by_default()
    {
        using var response = await _client.Http.GetAsync(_site.Url("/robots.txt"));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var robots = await response.Content.ReadAsStringAsync();
        robots.ShouldContain("User-agent: *\nDisallow: /basket/\n");
        robots.ShouldNotContain("Crawl-delay");
    }

    [Fact]
    public async Task Robots_txt_carries_the_crawl_delay_option()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 1, CrawlDelay = TimeSpan.FromMilliseconds(1500) });
        var robots = await _client.Http.GetStringAsync(site.Url("/robots.txt"));
        robots.ShouldContain("Crawl-delay: 1.5\n");
    }

    [Fact]
    public async Task Pages_are_utf8_html_gzipped_when_asked_and_unknown_paths_are_404()
    {
        using var plain = await _client.Http.GetAsync(_site.Books[0].Url);
        plain.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        var html = await plain.Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, _site.Books[0].Url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var gzipped = await _client.Http.SendAsync(request);
        gzipped.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        var compressed = await gzipped.Content.ReadAsByteArrayAsync();
        compressed.Length.ShouldBeLessThan(html.Length / 2);
        using var inflated = new MemoryStream();
        await new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress).CopyToAsync(inflated);
        inflated.ToArray().ShouldBe(html);

        foreach (var path in new[] { "/nope.html", "/catalogue/page-6.html", "/catalogue/page-0.html", "/catalogue/wrong-slug_1/index.html", "/catalogue/category/books/travel_2/page-99.html" })
        {
            using var missing = await _client.Http.GetAsync(_site.Url(path));
            missing.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            missing.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        }
    }

    [Fact]
    public async Task Head_answers_without_a_body_and_other_methods_are_refused()
    {
        using var head = await _client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, _site.StartUrl));
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.ShouldNotBeNull().ShouldBeGreaterThan(1000);
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();

        using var post = await _client.Http.PostAsync(_site.StartUrl, new StringContent(""));
        post.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Traffic_counts_requests_per_path_but_not_control_paths()
    {
        await _client.Http.GetStringAsync(_site.StartUrl);
        await _client.Http.GetStringAsync(_site.StartUrl);
        await _client.Http.GetStringAsync(_site.Url(BookstoreSite.ExpectedJsonLinesPath));

        _site.Traffic.HitsOf("/catalogue/page-1.html").ShouldBe(2);
        _site.Traffic.HitsOf(BookstoreSite.ExpectedJsonLinesPath).ShouldBe(0);
        _site.Traffic.Requests.ShouldBe(2);
        _site.Traffic.PeakInFlight.ShouldBeGreaterThanOrEqualTo(1);
        _site.Traffic.InFlight.ShouldBe(0);
    }

    [Fact]
    public async Task A_wait_for_a_request_count_completes_when_the_site_reaches_it_and_not_before()
    {
        var second = _site.Traffic.WhenRequests(2);
        await _client.Http.GetStringAsync(_site.StartUrl);
        await _client.Http.GetStringAsync(_site.Url(BookstoreSite.ExpectedJsonLinesPath)); // a control path does not count
        second.IsCompleted.ShouldBeFalse();

        await _client.Http.GetStringAsync(_site.StartUrl);
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        _site.Traffic.WhenRequests(1).IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public async Task Latency_delays_each_response_on_the_sites_clock()
    {
        var clock = new ManualTimeProvider();
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 1, Latency = TimeSpan.FromMinutes(5), TimeProvider = clock });
        var response = _client.Http.GetAsync(site.StartUrl);

        await clock.TimerCreated.Task.WaitAsync(TimeSpan.FromSeconds(10));
        response.IsCompleted.ShouldBeFalse();
        site.Traffic.InFlight.ShouldBe(1);

        clock.Advance(TimeSpan.FromMinutes(5));
        using var answered = await response.WaitAsync(TimeSpan.FromSeconds(10));
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(nameof(BookstoreSiteOptions.BookCount))]
    [InlineData(nameof(BookstoreSiteOptions.PagerWindow))]
    [InlineData(nameof(BookstoreSiteOptions.CrawlDelay))]
    [InlineData(nameof(BookstoreSiteOptions.Latency))]
    public async Task A_bad_option_is_named(string name)
    {
        var options = new BookstoreSiteOptions();
        switch (name)
        {
            case nameof(BookstoreSiteOptions.BookCount): options.BookCount = 0; break;
            case nameof(BookstoreSiteOptions.PagerWindow): options.PagerWindow = -1; break;
            case nameof(BookstoreSiteOptions.CrawlDelay): options.CrawlDelay = TimeSpan.Zero; break;
            default: options.Latency = TimeSpan.FromSeconds(-1); break;
        }

        var error = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => BookstoreSite.StartAsync(options));
        error.ParamName.ShouldBe(name);
        error.Message.ShouldContain(name);
    }

    private async Task<string> FetchAllBookHtmlAsync()
    {
        var pages = await Task.WhenAll(_site.Books.Select(b => _client.Http.GetStringAsync(b.Url)));
        return string.Concat(pages);
    }
}
