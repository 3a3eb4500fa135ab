using System.Text;
using DeclarativeScrape.TestSite;
using Microsoft.AspNetCore.Http;

namespace DeclarativeScrape.Tests.EndToEnd;

// Every page of a small site, followed by [FollowLinks] with rules on the resolved URL, inside a path-prefix scope:
// '.', '..', query strings and non-HTML links included.

[Scraper(StartUrl = "http://127.0.0.1:1/site/", StartPage = typeof(SitePage))]
[Scope(PathPrefix = "/site/", Exclude = ["**/private/**"])]
[Retry(MaxAttempts = 1)]
public static partial class SiteScraper;

[Page, Item]
[FollowLinks(Exclude = ["**.zip"])]
public partial record SitePage
{
    [Text("h1")] public required string Title { get; init; }

    [PageUrl] public Uri Url { get; init; } = default!;

    [Follow("a.more", Include = ["**/more-*.html"])] public IReadOnlyList<Link<SitePage>> More { get; init; } = [];

    [Follow("a.first", Exclude = ["**/skip.html"])] public Link<SitePage>? First { get; init; }
}

public sealed class LinkRulesCrawlTests
{
    private static async Task<TestServer> SiteAsync()
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/site/", """
                  <html><body><h1>Home</h1>
                  <a href=".">itself</a> <a href="guide/">guide</a> <a href="guide/intro.html?lang=en">intro in English</a>
                  <a href="report.pdf">a PDF</a> <a href="archive.zip">an archive (excluded)</a>
                  <a href="/outside/x.html">outside the prefix</a> <a href="private/notes.html">private</a>
                  <a href="mailto:docs@example.com">mail</a>
                  <a class="more" href="more-1.html">more</a> <a class="more" href="guide/other.html">not more</a>
                  <a class="first" href="skip.html">skipped by the rule</a><a class="first" href="guide/">taken</a>
                  </body></html>
                  """)
              .MapHtml("/site/guide/", """<html><body><h1>Guide</h1><a href="..">up</a> <a href="./intro.html?lang=en">intro</a> <a href="../guide/">itself, by '..'</a></body></html>""")
              .MapHtml("/site/guide/intro.html", """<html><body><h1>Intro</h1><a href="../">home</a></body></html>""")
              .MapHtml("/site/more-1.html", """<html><body><h1>More</h1></body></html>""")
              .MapHtml("/site/skip.html", """<html><body><h1>Skip</h1></body></html>""")
              .MapHtml("/site/guide/other.html", """<html><body><h1>Other</h1></body></html>""")
              .Map("/site/report.pdf", context =>
              {
                  context.Response.ContentType = "application/pdf";
                  return context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes("%PDF-1.4")).AsTask();
              });
        return server;
    }

    [Fact]
    public async Task Every_in_scope_page_is_crawled_once_and_every_other_link_has_its_outcome()
    {
        await using var server = await SiteAsync();
        await using var engine = Crawls.Engine();
        var options = SiteScraper.CreateOptions();
        options.StartUrls = [server.Url("/site/")];
        options.Robots.Obey = false;
        options.Engine = engine;
        var run = SiteScraper.Start(options);
        await using var _ = run;

        var events = await run.ReadEventsAsync().ToListAsync().AsTask().WaitAsync(Crawls.Bound);
        var summary = await run.Completion.WaitAsync(Crawls.Bound);

        var pages = events.Select(e => e.TryGetItem(out var item) ? item : null).OfType<SitePage>().ToList();
        pages.Select(p => p.Url.AbsolutePath + p.Url.Query).Order(StringComparer.Ordinal).ShouldBe(
            ["/site/", "/site/guide/", "/site/guide/intro.html?lang=en", "/site/guide/other.html", "/site/more-1.html", "/site/skip.html"]);
        var home = pages.Single(p => p.Title == "Home");
        home.More.Select(l => l.Url.AbsolutePath).ShouldBe(["/site/more-1.html"], "Include keeps only the links it matches");
        home.First.ShouldBe(new Link<SitePage>(server.Url("/site/guide/")), "the first link that passes the rules");

        var outcomes = events.Where(e => e.IsOutcome).Select(e => e.Outcome!).ToList();
        var pdf = outcomes.Single(o => o.Url == server.Url("/site/report.pdf").AbsoluteUri);
        (pdf.Kind, pdf.SkipReason).ShouldBe((OutcomeKind.Skipped, SkipReason.NotHtml));
        pdf.Message.ShouldBe("Content-Type 'application/pdf' is not HTML");
        var outside = outcomes.Single(o => o.Url == server.Url("/outside/x.html").AbsoluteUri);
        (outside.SkipReason, outside.Message).ShouldBe((SkipReason.OutOfScope, "its path '/outside/x.html' is not under Scope.PathPrefix '/site/'"));
        var hidden = outcomes.Single(o => o.Url == server.Url("/site/private/notes.html").AbsoluteUri);
        (hidden.SkipReason, hidden.Message).ShouldBe((SkipReason.OutOfScope, "Scope: it matches the exclude pattern '**/private/**'"));
        outcomes.ShouldNotContain(o => o.Url.EndsWith(".zip", StringComparison.Ordinal), "a link its [FollowLinks] rules leave out is not a link at all");
        outcomes.ShouldContain(o => o.SkipReason == SkipReason.InvalidUrl && o.Url == "mailto:docs@example.com");
        server.HitsOf("/outside/x.html").ShouldBe(0);
        server.HitsOf("/site/private/notes.html").ShouldBe(0);
        server.HitsOf("/site/archive.zip").ShouldBe(0);
        summary.Failed.ShouldBe(0);
        summary.Reconciles.ShouldBeTrue();
    }
}
