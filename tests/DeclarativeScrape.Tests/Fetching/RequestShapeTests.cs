using System.Text;
using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests;

public sealed class RequestShapeTests
{
    [Fact]
    public async Task Requests_carry_the_runs_user_agent_headers_and_cookies()
    {
        await using var server = await TestServer.StartAsync();
        string? userAgent = null, custom = null, cookie = null, acceptEncoding = null;
        server.Map("/", ctx =>
        {
            ctx.Response.Headers.SetCookie = "session=abc123; Path=/";
            return Faults.Html(ShopPlan.ListingHtml(ShopPlan.Product("/p/1")))(ctx);
        });
        server.Map("/p/1", ctx =>
        {
            userAgent = ctx.Request.Headers.UserAgent;
            custom = ctx.Request.Headers["X-Team"];
            cookie = ctx.Request.Headers.Cookie;
            acceptEncoding = ctx.Request.Headers.AcceptEncoding;
            return Faults.Html(ShopPlan.ProductHtml("One"))(ctx);
        });
        var options = ShopPlan.Options(server.Url("/"));
        options.UserAgent = "ShopBot/2.0 (+https://shop.example/bot)";
        options.Headers["X-Team"] = "crawlers";
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, options);

        result.Items.ShouldHaveSingleItem();
        userAgent.ShouldBe("ShopBot/2.0 (+https://shop.example/bot)");
        custom.ShouldBe("crawlers");
        cookie.ShouldBe("session=abc123");
        acceptEncoding.ShouldBe("gzip, deflate, br");
    }

    [Fact]
    public async Task Cookies_are_kept_per_run()
    {
        await using var server = await TestServer.StartAsync();
        var cookies = new List<string?>();
        server.Map("/", ctx =>
        {
            lock (cookies)
            {
                cookies.Add(ctx.Request.Headers.Cookie);
            }

            ctx.Response.Headers.SetCookie = "visited=yes; Path=/";
            return Faults.Html(ShopPlan.ListingHtml())(ctx);
        });
        await using var engine = Crawls.Engine();

        await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")));
        await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")));

        cookies.ShouldAllBe(c => string.IsNullOrEmpty(c), "a second run starts without the first run's cookies");
    }

    [Fact]
    public async Task The_page_encoding_is_taken_from_the_meta_charset()
    {
        await using var server = await TestServer.StartAsync();
        var latin1 = Encoding.Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><h1>Caf\u00e9 cr\u00e8me</h1></body></html>");
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/p/1")))
              .Map("/p/1", ctx =>
              {
                  ctx.Response.ContentType = "text/html";
                  return ctx.Response.Body.WriteAsync(latin1).AsTask();
              });
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")));

        result.Items.ShouldHaveSingleItem().Title.ShouldBe("Caf\u00e9 cr\u00e8me");
    }

    [Theory]
    [InlineData(ProxyRotation.PerRequest, 2)]
    [InlineData(ProxyRotation.PerHost, 1)]
    public async Task Requests_go_through_the_engines_proxies_rotated_as_asked(ProxyRotation rotation, int proxiesUsed)
    {
        // A test server accepts absolute-form request targets, so it can stand in for a forwarding proxy: the shop's
        // host name exists only behind it.
        await using var first = await TestServer.StartAsync();
        await using var second = await TestServer.StartAsync();
        foreach (var proxy in new[] { first, second })
        {
            proxy.MapHtml("/", ShopPlan.ListingHtml(Enumerable.Range(1, 6).Select(i => ShopPlan.Product($"/p/{i}")).ToArray()));
            for (var i = 1; i <= 6; i++)
            {
                proxy.MapHtml($"/p/{i}", ShopPlan.ProductHtml($"P{i}"));
            }
        }

        await using var engine = new ScrapeEngine(new EngineOptions { Proxies = { first.BaseUrl, second.BaseUrl }, ProxyRotation = rotation });
        var result = await Crawls.RunAsync(engine, ShopPlan.Options(new Uri("http://shop.invalid/")));

        result.Items.Count.ShouldBe(6);
        new[] { first.TotalHits, second.TotalHits }.Count(h => h > 0).ShouldBe(proxiesUsed);
    }
}
