using System.Text.RegularExpressions;
using DeclarativeScrape.Tests.Support;

namespace DeclarativeScrape.Tests.Frontier;

/// <summary>
/// A link's two fast paths must give what the general code gives: <see cref="ExtractionContext.TryResolveUrl"/>
/// removes the fragment before resolving (the general way resolves with it and rebuilds the URL without it), and
/// <see cref="UrlCanonicalizer.TryCanonicalize"/> keeps a URL that is canonical already (the general way builds the
/// canonical spelling from the parts). Checked on every link of the docs corpora and on thousands of mutations.
/// </summary>
public sealed partial class LinkFastPathTests
{
    private static readonly string[] BaseUrls =
    [
        "http://127.0.0.1:41517/ref/models/querysets.html",
        "http://docs.example/a/b/index.html",
        "https://Docs.Example:443/",
        "http://[::1]:8080/x/y",
        "http://bücher.example/dir/page.html?q=1#top",
    ];

    [Fact]
    public void Every_corpus_link_resolves_and_canonicalizes_as_the_general_code_does()
    {
        var checkedLinks = 0;
        var fast = 0;
        foreach (var (relative, path) in DocsCorpora.Pages())
        {
            var page = new Uri(new Uri("http://127.0.0.1:41517/"), relative);
            foreach (Match match in Href().Matches(File.ReadAllText(path)))
            {
                fast += Check(page, System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)) ? 1 : 0;
                checkedLinks++;
            }
        }

        if (checkedLinks > 0)
        {
            checkedLinks.ShouldBeGreaterThan(20_000);
            fast.ShouldBeGreaterThan(checkedLinks / 2);
        }
    }

    [Fact]
    public void Thousands_of_mutated_links_resolve_and_canonicalize_as_the_general_code_does()
    {
        var random = new Random(20261207);
        string[] seeds =
        [
            "page.html", "../up/page.html#frag", "./a/./b/../c.html", "/abs/path?q=1&r=2#x", "//other.example/p", "http://Example.COM:80/A%2fb",
            "https://127.0.0.1:443/%7Euser/", "?only=query", "#only-fragment", "", "   spaced.html  ", "mailto:x@example.com",
            "javascript:void('#')", "HTTP://xn--bcher-kva.example/", "http://user:pw@example.com/", "http://[::1]/v6", "a%zzb.html",
            "dir/", "..", ".", "p?a#b#c", "http://example.com./dot", "http://example.com:8080", "%2e%2E/x", "é/ü.html", "a b.html",
        ];
        string[] pieces = ["/", ".", "..", "#", "?", "%", "%41", "%2f", "%2E", "%7e", "%7E", "A", "z", "9", "-", "_", "~", "@", ":", ";", "=", "&",
            " ", "\t", "é", "\u00a0", "[", "]", "|", "{", "\\", "'", "\"", "<", "+", "!", "$", "(", "*", ",", "xn--", ":8080", ":80", "//", "http:", "https://"];
        var fast = 0;
        for (var i = 0; i < 5000; i++)
        {
            var href = seeds[random.Next(seeds.Length)];
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(href.Length + 1);
                href = random.Next(3) == 0 && href.Length > 0
                    ? href.Remove(Math.Min(at, href.Length - 1), 1)
                    : href.Insert(at, pieces[random.Next(pieces.Length)]);
            }

            fast += Check(new Uri(BaseUrls[random.Next(BaseUrls.Length)]), href) ? 1 : 0;
        }

        fast.ShouldBeGreaterThan(500);
    }

    // True when the canonical fast path took the URL.
    private static bool Check(Uri page, string href)
    {
        var context = new ExtractionContext(page);
        var resolved = context.TryResolveUrl(href, out var url);
        var general = GeneralResolve(page, href, out var expected);
        resolved.ShouldBe(general, $"'{href}' on {page}");
        if (!resolved)
        {
            return false;
        }

        url!.AbsoluteUri.ShouldBe(expected!.AbsoluteUri, $"'{href}' on {page}");
        var isCanonical = UrlCanonicalizer.IsCanonical(url);
        UrlCanonicalizer.TryCanonicalize(url, out var canonical).ShouldBe(UrlCanonicalizer.TryBuild(url, out var built), $"'{href}' on {page}");
        if (canonical is not null)
        {
            canonical.AbsoluteUri.ShouldBe(built!.AbsoluteUri, $"'{href}' on {page} ({url.AbsoluteUri})");
        }

        return isCanonical;
    }

    // What TryResolveUrl did before it removed the fragment first.
    private static bool GeneralResolve(Uri baseUrl, string value, out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(baseUrl, value.Trim(), out var resolved)
            || (resolved.Scheme != Uri.UriSchemeHttp && resolved.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        url = resolved.Fragment.Length == 0 ? resolved : new UriBuilder(resolved) { Fragment = string.Empty }.Uri;
        return true;
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
