using System.Net;
using AngleSharp.Dom;
using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.DemoSites;

public sealed class DocsSiteTests : IAsyncLifetime
{
    private const int PageCount = 60;
    private readonly SiteClient _client = new();
    private DocsSite _site = default!;
    private readonly Dictionary<Uri, IDocument> _documents = [];

    public async Task InitializeAsync()
    {
        _site = await DocsSite.StartAsync(new DocsSiteOptions { PageCount = PageCount });
        foreach (var page in _site.Pages)
        {
            _documents[page.Url] = await _client.GetDocumentAsync(page.Url);
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public void The_site_has_a_home_three_section_indexes_and_the_articles()
    {
        _site.Pages.Count.ShouldBe(PageCount + 4);
        _site.Pages[0].Kind.ShouldBe(DocPageKind.Home);
        _site.Pages[0].Url.ShouldBe(_site.StartUrl);
        _site.Pages.Count(p => p.Kind == DocPageKind.SectionIndex).ShouldBe(3);
        _site.Pages.Select(p => p.Section).Distinct().ShouldBe(["", "guides", "reference", "api"]);
        _site.Pages.Select(p => p.Url).Distinct().Count().ShouldBe(_site.Pages.Count);
        _site.Pages.Where(p => p.Kind == DocPageKind.Article).ShouldAllBe(p => p.Headings.Count >= 2);
    }

    [Fact]
    public async Task A_scoped_crawl_from_the_start_url_reaches_every_page_and_exactly_the_broken_links()
    {
        var seen = new HashSet<Uri> { _site.StartUrl };
        var queue = new Queue<Uri>(seen);
        var ok = new HashSet<Uri>();
        var notFound = new HashSet<Uri>();
        var offSite = new HashSet<Uri>();
        var disallowed = new HashSet<Uri>();
        var queried = new HashSet<Uri>();
        var notHtml = new HashSet<Uri>();
        while (queue.Count > 0 && seen.Count < 2000)
        {
            var url = queue.Dequeue();
            using var response = await _client.Http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                notFound.Add(url);
                continue;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.OK, url.ToString());
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                notHtml.Add(url);
                continue;
            }

            ok.Add(url);
            var document = SiteClient.Parse(await response.Content.ReadAsStringAsync(), url);
            foreach (var anchor in document.QuerySelectorAll("a[href]"))
            {
                var link = new Uri(url, anchor.GetAttribute("href")!);
                if (link.Scheme is not ("http" or "https"))
                {
                    continue;
                }

                if (link.Authority != _site.BaseUrl.Authority)
                {
                    offSite.Add(link);
                    continue;
                }

                var withoutFragment = new Uri(link.GetLeftPart(UriPartial.Query));
                if (withoutFragment.AbsolutePath.StartsWith(DocsSite.DisallowedPath, StringComparison.Ordinal))
                {
                    disallowed.Add(withoutFragment);
                    continue;
                }

                if (withoutFragment.Query.Length > 0)
                {
                    queried.Add(withoutFragment);
                    continue;
                }

                if (seen.Add(withoutFragment))
                {
                    queue.Enqueue(withoutFragment);
                }
            }
        }

        ok.ShouldBe(_site.Pages.Select(p => p.Url), ignoreOrder: true);
        notFound.ShouldBe(_site.BrokenLinks, ignoreOrder: true);
        _site.BrokenLinks.ShouldNotBeEmpty();
        offSite.ShouldBe(_site.ExternalLinks, ignoreOrder: true);
        _site.ExternalLinks.Count.ShouldBeGreaterThan(1);
        disallowed.ShouldBe(_site.DisallowedLinks, ignoreOrder: true);
        _site.DisallowedLinks.Count.ShouldBeGreaterThan(1);
        queried.ShouldBe(_site.PrintLinks, ignoreOrder: true);
        notHtml.ShouldBe([.. _site.PdfLinks, _site.OpenApiUrl], ignoreOrder: true);
        _site.PdfLinks.ShouldNotBeEmpty();
    }

    [Fact]
    public void Breadcrumbs_link_the_section_as_dot_and_the_home_as_dot_dot()
    {
        var article = _site.Pages.First(p => p.Kind == DocPageKind.Article);
        var section = _site.Pages.Single(p => p.Kind == DocPageKind.SectionIndex && p.Section == article.Section);

        var hrefs = _documents[article.Url].QuerySelectorAll("nav.breadcrumbs a").Select(a => a.GetAttribute("href")).ToList();
        hrefs.ShouldBe(["..", "."]);
        new Uri(article.Url, ".").ShouldBe(section.Url);
        new Uri(article.Url, "..").ShouldBe(_site.StartUrl);
        _documents[section.Url].QuerySelectorAll("nav.breadcrumbs a").Select(a => a.GetAttribute("href")).ShouldBe([".."]);
    }

    [Fact]
    public async Task Robots_txt_disallows_the_drafts_and_nothing_is_served_there()
    {
        var robots = await _client.Http.GetStringAsync(_site.Url("/robots.txt"));
        robots.ShouldContain($"Disallow: {DocsSite.DisallowedPath}");
        _site.Pages[0].DisallowedLinks.ShouldNotBeEmpty();
        foreach (var draft in _site.DisallowedLinks)
        {
            draft.AbsolutePath.ShouldStartWith(DocsSite.DisallowedPath);
            using var response = await _client.Http.GetAsync(draft);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public void Every_toc_entry_links_an_article_heading_and_the_headings_are_the_ground_truth()
    {
        foreach (var page in _site.Pages)
        {
            var document = _documents[page.Url];
            SiteClient.Text(document.QuerySelector("main article h1")).ShouldBe(page.Title);
            document.Title.ShouldBe($"{page.Title} · DemoDocs");
            var headings = document.QuerySelectorAll("main article h2, main article h3")
                .Select(h => new DocHeading(h.LocalName == "h2" ? 2 : 3, h.Id!, SiteClient.Text(h).TrimEnd('#').TrimEnd()))
                .ToList();
            headings.ShouldBe(page.Headings);
            var toc = document.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")).ToList();
            toc.ShouldBe(page.Headings.Select(h => "#" + h.Id));
            toc.ShouldAllBe(href => document.GetElementById(href!.Substring(1)) != null);
        }
    }

    [Fact]
    public async Task Previous_and_next_links_follow_the_reading_order_from_the_first_page_to_the_last()
    {
        var order = new List<Uri>();
        for (Uri? url = _site.StartUrl; url is not null && order.Count <= _site.Pages.Count;)
        {
            order.Add(url);
            var document = await _client.GetDocumentAsync(url);
            var previous = document.QuerySelector("nav.pager a[rel=prev]");
            (previous is null ? null : SiteClient.Resolve(previous, "href", url)).ShouldBe(_site.Pages[order.Count - 1].Previous);
            var next = document.QuerySelector("nav.pager a[rel=next]");
            url = next is null ? null : SiteClient.Resolve(next, "href", url);
        }

        order.ShouldBe(_site.Pages.Select(p => p.Url));
    }

    [Fact]
    public void The_sidebar_links_every_section_and_breadcrumbs_lead_home()
    {
        var sections = _site.Pages.Where(p => p.Kind == DocPageKind.SectionIndex).Select(p => p.Url).ToList();
        foreach (var page in _site.Pages)
        {
            var document = _documents[page.Url];
            document.QuerySelectorAll("nav.sidebar a.section").Select(a => SiteClient.Resolve(a, "href", page.Url)).ShouldBe(sections);
            var crumbs = document.QuerySelectorAll("nav.breadcrumbs li");
            crumbs.Length.ShouldBe(page.Kind switch { DocPageKind.Home => 1, DocPageKind.SectionIndex => 2, _ => 3 });
            SiteClient.Text(crumbs[^1]).ShouldBe(page.Kind == DocPageKind.Home ? "Docs" : page.Title);
            if (page.Kind != DocPageKind.Home)
            {
                SiteClient.Resolve(crumbs[0].QuerySelector("a")!, "href", page.Url).ShouldBe(_site.StartUrl);
            }
        }
    }

    [Fact]
    public void Code_blocks_and_cross_links_match_the_ground_truth()
    {
        foreach (var page in _site.Pages)
        {
            var document = _documents[page.Url];
            document.QuerySelectorAll("main article pre code")
                .Select(c => new DocCodeBlock(c.ClassName!.Replace("language-", "", StringComparison.Ordinal), c.TextContent))
                .ShouldBe(page.CodeBlocks);
            var links = document.QuerySelectorAll("main article p a, main article ul.page-list a").Select(a => SiteClient.Resolve(a, "href", page.Url)).ToList();
            links.Where(l => l.Authority == _site.BaseUrl.Authority && !page.BrokenLinks.Contains(l) && !page.DisallowedLinks.Contains(l)).ShouldBe(page.Links, ignoreOrder: true);
            links.Where(l => page.BrokenLinks.Contains(l)).ShouldBe(page.BrokenLinks, ignoreOrder: true);
            links.Where(l => page.DisallowedLinks.Contains(l)).ShouldBe(page.DisallowedLinks, ignoreOrder: true);
        }

        _site.Pages.SelectMany(p => p.CodeBlocks).ShouldContain(c => c.Code.Contains('<') && c.Code.Contains('"'));
        _site.Pages.SelectMany(p => p.Links).ShouldContain(l => l.Fragment.Length > 1);
    }

    [Fact]
    public async Task Cross_link_fragments_name_headings_of_their_target()
    {
        var byUrl = _site.Pages.ToDictionary(p => p.Url);
        foreach (var link in _site.Pages.SelectMany(p => p.Links).Where(l => l.Fragment.Length > 1))
        {
            var target = byUrl[new Uri(link.GetLeftPart(UriPartial.Query))];
            target.Headings.Select(h => h.Id).ShouldContain(link.Fragment[1..]);
        }

        var expected = await _client.Http.GetStringAsync(_site.Url(DocsSite.ExpectedJsonLinesPath));
        expected.ShouldBe(DocsSite.ToJsonLines(_site.Pages));
    }

    [Fact]
    public async Task A_page_count_out_of_range_is_named()
    {
        var error = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => DocsSite.StartAsync(new DocsSiteOptions { PageCount = DocsSiteOptions.MaxPageCount + 1 }));
        error.ParamName.ShouldBe(nameof(DocsSiteOptions.PageCount));
    }
}
