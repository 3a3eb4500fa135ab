using System.Globalization;
using System.Text;

namespace DeclarativeScrape.DemoSites;

/// <summary>The pages of a documentation site, generated from a seed: titles, headings, paragraphs, code and links.</summary>
internal sealed class DocsCatalog
{
    public const string HomePath = "/docs/";

    /// <summary>The extension of a reference article's PDF download (<c>application/pdf</c>), linked as <c>slug.pdf</c>.</summary>
    public const string PdfExtension = ".pdf";

    /// <summary>The API description linked from the API section's index, served as <c>application/json</c>.</summary>
    public const string OpenApiPath = "/docs/api/openapi.json";

    /// <summary>The query of every article's printable-version link (<c>?print=1</c>): the same page at another URL.</summary>
    public const string PrintQuery = "?print=1";

    /// <summary>A section's index: a directory URL, as static sites serve them (<c>.</c> from one of its articles).</summary>
    public static string SectionPath(string key) => $"/docs/{key}/";

    public static readonly (string Key, string Title)[] Sections = [("guides", "Guides"), ("reference", "Reference"), ("api", "API")];

    private static readonly string[] GuideTemplates = ["Getting started with {0}", "Configuring {0}", "Troubleshooting {0}", "Testing {0}", "{1} in depth", "Migrating {0} from version 1"];

    private static readonly string[] Topics =
    [
        "crawls", "rate limits", "retries", "robots.txt", "proxies", "output files", "state directories", "selectors",
        "pagination", "item types", "timeouts", "concurrency", "cookies", "headers", "logging", "metrics", "sitemaps",
        "redirects", "compression", "scheduling",
    ];

    private static readonly string[] OptionAreas = ["Concurrency", "RateLimit", "Retry", "Timeouts", "Robots", "Limits", "Output", "State", "Proxy", "Logging"];

    private static readonly string[] OptionNames = ["Max", "PerHost", "Burst", "Enabled", "Delay", "MaxDelay", "Path", "Format", "Mode", "Level", "Interval", "Threshold", "Size", "Policy"];

    private static readonly string[] ApiNouns =
    [
        "Crawler", "Frontier", "HostGate", "Fetcher", "ParseWorker", "Extractor", "LinkResolver", "RobotsCache", "TokenBucket",
        "RetryPolicy", "OutputWriter", "StateStore", "Scheduler", "UrlCanonicalizer", "SelectorCache", "ItemChannel",
        "ProgressMeter", "ProxyPool", "CookieJar", "HeaderSet", "RedirectTracker", "SizeGuard", "SitemapReader",
        "DepthCounter", "ScopeFilter", "OutcomeLog", "RunSummary", "EngineHost", "PageQueue", "ResponseCache",
    ];

    private static readonly string[] ApiKinds = ["{0} class", "I{0} interface", "{0}Options class", "{0}.RunAsync method"];

    private static readonly string[] SectionHeadings =
    [
        "Overview", "Prerequisites", "Usage", "Examples", "Options & defaults", "Remarks", "Troubleshooting", "What's new",
        "Parameters", "Return value", "Exceptions", "Performance",
    ];

    private static readonly string[] SubHeadings = ["Default values", "With a custom handler", "Limits", "Thread safety", "Error handling", "Step 1", "Step 2", "Notes"];

    private static readonly string[] Words =
    [
        "the", "crawler", "request", "response", "frontier", "selector", "page", "item", "host", "limit", "queue", "retry",
        "option", "value", "run", "engine", "worker", "parser", "document", "link", "scope", "token", "bucket", "timeout",
        "delay", "header", "status", "cache", "state", "output", "each", "every", "when", "after", "before", "a", "of",
        "is", "are", "with", "to", "from", "and", "or", "never", "always", "once",
    ];

    private static readonly string[] ExternalUrls =
    [
        "https://example.com/blog/polite-crawling", "https://www.example.org/rfc/robots-exclusion", "https://docs.example.net/http/retry-after",
        "http://example.com/legacy/manual.html", "https://www.example.org/talks/async-scraping",
    ];

    /// <summary>An external link in every page's footer.</summary>
    public const string StatusPageUrl = "https://status.example.com/";

    /// <summary>Where drafts live: robots.txt disallows it, and nothing is served there.</summary>
    public const string DraftsPath = "/docs/drafts/";

    public DocsCatalog(DocsSiteOptions options)
    {
        var seed = options.Seed;
        var guides = (int)Math.Round(options.PageCount * 0.3);
        var api = (int)Math.Round(options.PageCount * 0.3);
        var reference = options.PageCount - guides - api;
        var titles = new[]
        {
            Shuffle(GuideTemplates.SelectMany(t => Topics.Select(topic => string.Format(CultureInfo.InvariantCulture, t, topic, char.ToUpperInvariant(topic[0]) + topic[1..]))), seed, 1).Take(guides),
            Shuffle(OptionAreas.SelectMany(a => OptionNames.Select(n => $"{a}.{n} option")), seed, 2).Take(reference),
            Shuffle(ApiKinds.SelectMany(k => ApiNouns.Select(n => string.Format(CultureInfo.InvariantCulture, k, n))), seed, 3).Take(api),
        };

        var pages = new List<DocEntry>();
        var home = new DocEntry(HomePath, DocPageKind.Home, "", "DemoDocs documentation");
        pages.Add(home);
        var articlesBySection = new List<DocEntry>[Sections.Length];
        for (var s = 0; s < Sections.Length; s++)
        {
            var (key, title) = Sections[s];
            var index = new DocEntry(SectionPath(key), DocPageKind.SectionIndex, key, title);
            pages.Add(index);
            articlesBySection[s] = [];
            var slugs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var articleTitle in titles[s])
            {
                var slug = Slug.Of(articleTitle);
                for (var n = 2; !slugs.Add(slug); n++)
                {
                    slug = $"{Slug.Of(articleTitle)}-{n}";
                }

                var article = new DocEntry($"/docs/{key}/{slug}.html", DocPageKind.Article, key, articleTitle);
                articlesBySection[s].Add(article);
                pages.Add(article);
            }
        }

        Pages = pages;
        ArticlesBySection = articlesBySection;
        var articles = pages.Where(p => p.Kind == DocPageKind.Article).ToArray();
        for (var i = 0; i < articles.Length; i++)
        {
            var r = SeededRandom.For(seed, i, 0xD0C5);
            WriteArticle(articles[i], ref r);
        }

        for (var i = 0; i < articles.Length; i++)
        {
            var r = SeededRandom.For(seed, i, 0x1175);
            AddLinks(articles[i], articles, ref r);
            var drafts = SeededRandom.For(seed, i, 0xD4AF);
            AddDraftLink(articles[i], ref drafts);
        }

        WriteHome(home);
        for (var s = 0; s < Sections.Length; s++)
        {
            WriteSectionIndex(pages.First(p => p.Kind == DocPageKind.SectionIndex && p.Section == Sections[s].Key), articlesBySection[s]);
        }
    }

    /// <summary>Every page in reading order: home, then each section's index followed by its articles.</summary>
    public IReadOnlyList<DocEntry> Pages { get; }

    public IReadOnlyList<IReadOnlyList<DocEntry>> ArticlesBySection { get; }

    private static IEnumerable<string> Shuffle(IEnumerable<string> items, int seed, int salt)
    {
        var array = items.ToArray();
        var r = SeededRandom.For(seed, salt, 0x5A1F);
        for (var i = array.Length - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (array[i], array[j]) = (array[j], array[i]);
        }

        return array;
    }

    private static void WriteArticle(DocEntry page, ref SeededRandom r)
    {
        page.Blocks.Add(new ParagraphBlock(Paragraph(ref r)));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var headings = PickDistinct(SectionHeadings, r.Next(2, 6), ref r);
        var codeBlocks = 0;
        foreach (var text in headings)
        {
            AddHeading(page, 2, text, ids);
            page.Blocks.Add(new ParagraphBlock(Paragraph(ref r)));
            if (codeBlocks < 3 && r.OneIn(2))
            {
                page.Blocks.Add(new CodeBlock(Code(page, ref r)));
                codeBlocks++;
            }

            for (var k = r.Next(3); k > 0; k--)
            {
                AddHeading(page, 3, r.Pick(SubHeadings), ids);
                page.Blocks.Add(new ParagraphBlock(Paragraph(ref r)));
            }
        }
    }

    private static string[] PickDistinct(string[] pool, int count, ref SeededRandom r)
    {
        var copy = (string[])pool.Clone();
        for (var i = 0; i < count; i++)
        {
            var j = r.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy[..count];
    }

    private static void AddHeading(DocEntry page, int level, string text, HashSet<string> ids)
    {
        var id = Slug.Of(text);
        for (var n = 2; !ids.Add(id); n++)
        {
            id = $"{Slug.Of(text)}-{n}";
        }

        var heading = new DocHeading(level, id, text);
        page.Headings.Add(heading);
        page.Blocks.Add(new HeadingBlock(heading));
    }

    private static void AddLinks(DocEntry page, DocEntry[] articles, ref SeededRandom r)
    {
        var paragraphs = page.Blocks.OfType<ParagraphBlock>().ToArray();
        for (var k = r.Next(2, 5); k > 0; k--)
        {
            var target = articles[r.Next(articles.Length)];
            if (ReferenceEquals(target, page))
            {
                continue;
            }

            var fragment = target.Headings.Count > 0 && r.OneIn(3) ? "#" + r.Pick(target.Headings).Id : "";
            page.Links.Add(target.Path + fragment);
            r.Pick(paragraphs).Links.Add(new InlineLink("See ", target.Path + fragment, target.Title, " for more."));
        }

        if (r.OneIn(4))
        {
            var url = r.Pick(ExternalUrls);
            page.ExternalLinks.Add(url);
            r.Pick(paragraphs).Links.Add(new InlineLink("Background reading: ", url, "an article on the subject", "."));
        }

        if (r.OneIn(12))
        {
            var broken = r.OneIn(2) ? page.Path[..^".html".Length] + "-legacy-v1.html" : $"/docs/archive/{page.Path.Split('/')[^1]}";
            page.BrokenLinks.Add(broken);
            r.Pick(paragraphs).Links.Add(new InlineLink("The ", broken, "previous version of this page", " is kept for reference."));
        }
    }

    /// <summary>Some articles link a draft of their next revision: a path robots.txt disallows, which a polite crawler never requests.</summary>
    private static void AddDraftLink(DocEntry page, ref SeededRandom r)
    {
        if (r.OneIn(8))
        {
            var draft = DraftsPath + page.Path.Split('/')[^1];
            page.DisallowedLinks.Add(draft);
            r.Pick(page.Blocks.OfType<ParagraphBlock>().ToArray()).Links.Add(new InlineLink("A ", draft, "draft of the next revision", " is being written."));
        }
    }

    private static void WriteHome(DocEntry home)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        AddHeading(home, 2, "Welcome", ids);
        var welcome = new ParagraphBlock("DemoDocs documents an imaginary scraping library. Every page is generated, so the same seed gives the same site.");
        welcome.Links.Add(new InlineLink("Coming next: ", DraftsPath + "roadmap.html", "the roadmap", " (a draft)."));
        home.DisallowedLinks.Add(DraftsPath + "roadmap.html");
        home.Blocks.Add(welcome);
        AddHeading(home, 2, "Sections", ids);
        home.Blocks.Add(new LinkListBlock([.. Sections.Select(s => SectionPath(s.Key))], [.. Sections.Select(s => s.Title)]));
        home.Links.AddRange(Sections.Select(s => SectionPath(s.Key)));
    }

    private static void WriteSectionIndex(DocEntry index, IReadOnlyList<DocEntry> articles)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        AddHeading(index, 2, "In this section", ids);
        index.Blocks.Add(new LinkListBlock([.. articles.Select(a => a.Path)], [.. articles.Select(a => a.Title)]));
        index.Links.AddRange(articles.Select(a => a.Path));
    }

    private static string Paragraph(ref SeededRandom r)
    {
        var sb = new StringBuilder();
        for (var s = r.Next(2, 5); s > 0; s--)
        {
            var words = r.Next(8, 17);
            for (var w = 0; w < words; w++)
            {
                var word = r.Pick(Words);
                sb.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == words - 1 ? ". " : " ");
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static DocCodeBlock Code(DocEntry page, ref SeededRandom r)
    {
        var n = r.Next(2, 65).ToString(CultureInfo.InvariantCulture);
        return r.Next(3) switch
        {
            0 => new DocCodeBlock("csharp",
                $"var options = new ScrapeOptions();\noptions.Concurrency.Max = {n};\nIReadOnlyList<string> hosts = [\"docs.example.com\"];\n" +
                "await foreach (var item in Scraper.RunAsync(options))\n{\n    if (item.Title is { Length: > 0 } && item.Price < 100m)\n    {\n        Console.WriteLine(item);\n    }\n}"),
            1 => new DocCodeBlock("json", $"{{\n  \"page\": \"{page.Title.Replace("\"", "", StringComparison.Ordinal)}\",\n  \"enabled\": true,\n  \"limit\": {n}\n}}"),
            _ => new DocCodeBlock("bash", $"dotnet run -- --url \"https://docs.example.com/\" --max-pages {n} && echo \"done <ok>\""),
        };
    }
}
