using System.Net;
using DeclarativeScrape.TestSite;
using Microsoft.AspNetCore.Http;

namespace DeclarativeScrape.Tests.EndToEnd;

// Request control against a site that needs it: headers per scraper and per page type, seeded cookies, a login form
// (with an anti-forgery token) whose cookie the crawl then sends, and a user's DelegatingHandler that signs requests.

[Scraper(StartUrl = "http://127.0.0.1:1/members/", StartPage = typeof(MemberIndex))]
[Header("X-Scraper", "members")]
[Retry(MaxAttempts = 1)]
public static partial class MembersScraper;

[Page]
public partial class MemberIndex
{
    [Follow("a.member")] public IReadOnlyList<Link<MemberPage>> Members { get; init; } = [];
}

[Page, Item]
[Header("X-Page", "member")]
[Header("X-Scraper", "members, on a member page")]
public partial record MemberPage
{
    [Text("h1")] public required string Name { get; init; }
}

public sealed class RequestControlCrawlTests
{
    private const string Token = "tok-7f3a";

    private static async Task<TestServer> MembersSiteAsync()
    {
        var server = await TestServer.StartAsync();
        server.Map("/login", async context =>
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Cookies.Append("csrf", Token);
                await Html(context, $"""<form method="post" action="/login"><input type="hidden" name="token" value="{Token}"><input name="user"><input name="password" type="password"><input type="submit" name="go" value="Log in"></form>""");
                return;
            }

            var form = await context.Request.ReadFormAsync();
            if (form["token"] == Token && context.Request.Cookies["csrf"] == Token && form["user"] == "ada" && form["password"] == "s3cret" && form["go"] == "Log in")
            {
                context.Response.Cookies.Append("auth", "ada-session");
                context.Response.Redirect("/members/");
                return;
            }

            await Html(context, """<form method="post" action="/login"><p class="error">Wrong user name or password</p></form>""");
        });
        server.Map("/members/", context => Protected(context, "<a class=member href='/members/1'>1</a><a class=member href='/members/2'>2</a>"))
              .Map("/members/1", context => Protected(context, "<h1>Ada</h1>"))
              .Map("/members/2", context => Protected(context, "<h1>Grace</h1>"));
        return server;
    }

    // A members' page: only with the login's cookie (or a seeded one), and only with the scraper's and page type's headers.
    private static Task Protected(HttpContext context, string body)
    {
        if (context.Request.Cookies["auth"] != "ada-session")
        {
            context.Response.StatusCode = 401;
            return Task.CompletedTask;
        }

        var isMember = context.Request.Path.Value!.Length > "/members/".Length;
        var expected = isMember ? "members, on a member page" : "members";
        if (context.Request.Headers["X-Scraper"] != expected || (isMember && context.Request.Headers["X-Page"] != "member") || (!isMember && context.Request.Headers.ContainsKey("X-Page")))
        {
            context.Response.StatusCode = 400;
            return Task.CompletedTask;
        }

        if (context.Request.Headers.TryGetValue("X-Signature", out var signature) && signature != Sign(context.Request.Path.Value!))
        {
            context.Response.StatusCode = 403;
            return Task.CompletedTask;
        }

        return Html(context, "<html><body>" + body + "</body></html>");
    }

    private static Task Html(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    }

    private static string Sign(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("key:" + path)))[..16];

    private static ScrapeOptions OptionsFor(TestServer server, ScrapeEngine engine)
    {
        var options = MembersScraper.CreateOptions();
        options.StartUrls = [server.Url("/members/")];
        options.Robots.Obey = false;
        options.Engine = engine;
        return options;
    }

    [Fact]
    public async Task A_login_form_is_filled_and_submitted_and_its_cookie_opens_the_members_pages()
    {
        await using var server = await MembersSiteAsync();
        await using var engine = Crawls.Engine();
        var options = OptionsFor(server, engine);
        options.Login = new LoginOptions { Url = server.Url("/login"), Fields = { ["user"] = "ada", ["password"] = "s3cret" }, FailureSelector = "p.error" };

        var members = await MembersScraper.RunAsync(options).ToListAsync().AsTask().WaitAsync(Crawls.Bound);

        members.Select(m => m.Name).Order(StringComparer.Ordinal).ShouldBe(["Ada", "Grace"]);
        server.HitsOf("/login").ShouldBe(2, "the form page, then the form submitted");
    }

    [Fact]
    public async Task A_failed_login_stops_the_run_before_its_first_page_saying_why()
    {
        await using var server = await MembersSiteAsync();
        await using var engine = Crawls.Engine();
        var options = OptionsFor(server, engine);
        options.Login = new LoginOptions { Url = server.Url("/login"), Fields = { ["user"] = "ada", ["password"] = "wrong" }, FailureSelector = "p.error" };
        var run = MembersScraper.Start(options);
        await using var _ = run;

        var failure = await Should.ThrowAsync<LoginException>(() => run.Completion.WaitAsync(Crawls.Bound));

        failure.Message.ShouldContain("matches the failure selector 'p.error' ('Wrong user name or password')");
        server.HitsOf("/members/").ShouldBe(0);
    }

    [Fact]
    public async Task A_seeded_cookie_opens_the_members_pages_without_a_login()
    {
        await using var server = await MembersSiteAsync();
        await using var engine = Crawls.Engine();
        var options = OptionsFor(server, engine);
        options.Cookies.Add(new Cookie("auth", "ada-session"));

        var members = await MembersScraper.RunAsync(options).ToListAsync().AsTask().WaitAsync(Crawls.Bound);

        members.Count.ShouldBe(2);
        server.HitsOf("/login").ShouldBe(0);
    }

    [Fact]
    public async Task A_users_delegating_handler_sees_every_request_of_the_run_and_the_engine_outlives_it()
    {
        await using var server = await MembersSiteAsync();
        await using var engine = Crawls.Engine();
        var signed = new List<string>();
        var options = OptionsFor(server, engine);
        options.Cookies.Add(new Cookie("auth", "ada-session"));
        options.Handlers.Add(() => new SigningHandler(signed));

        var members = await MembersScraper.RunAsync(options).ToListAsync().AsTask().WaitAsync(Crawls.Bound);

        members.Count.ShouldBe(2);
        lock (signed)
        {
            signed.Order(StringComparer.Ordinal).ShouldBe(["/members/", "/members/1", "/members/2"]);
        }

        // The run's handlers were disposed with it; the engine's pooled handler below them was not.
        var again = OptionsFor(server, engine);
        again.Cookies.Add(new Cookie("auth", "ada-session"));
        (await MembersScraper.RunAsync(again).ToListAsync().AsTask().WaitAsync(Crawls.Bound)).Count.ShouldBe(2);
    }

    [Fact]
    public void A_page_types_headers_are_in_its_plan()
    {
        MembersScraper.Plan.Pages.Single(p => p.Type == typeof(MemberPage)).Headers.ShouldBe([new("X-Page", "member"), new("X-Scraper", "members, on a member page")]);
        MembersScraper.Plan.StartPage.Headers.ShouldBeEmpty();
    }

    private sealed class SigningHandler(List<string> signed) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            request.Headers.Add("X-Signature", Sign(path));
            lock (signed)
            {
                signed.Add(path);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
