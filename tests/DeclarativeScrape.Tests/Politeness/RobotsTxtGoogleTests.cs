using DeclarativeScrape;

namespace DeclarativeScrape.Tests.Politeness;

/// <summary>
/// The test cases of Google's open-source robots.txt parser (google/robotstxt, robots_test.cc), re-expressed.
/// Where we differ on purpose the test says so: we normalise percent-encoding on both sides as RFC 9309 §2.2.2 asks
/// (Google compares the bytes as written), and we match the product token of a whole User-Agent header. The
/// Google-only extensions (index.html as a directory, cutting lines after 16 KiB) are not ours and not tested.
/// </summary>
public sealed class RobotsTxtGoogleTests
{
    private static bool IsUserAgentAllowed(string robotsTxt, string userAgent, string url) =>
        RobotsTxt.Parse(robotsTxt).For(userAgent).IsAllowed(PathOf(url));

    /// <summary>The path, parameters and query of a URL, as Google's GetPathParamsQuery: no System.Uri, so no escaping on the way.</summary>
    private static string PathOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0;
        var fragment = url.IndexOf('#', start);
        var end = fragment < 0 ? url.Length : fragment;
        var path = url.IndexOfAny(['/', '?'], start);
        if (path < 0 || path >= end)
        {
            return "/";
        }

        return url[path] == '?' ? "/" + url[path..end] : url[path..end];
    }

    [Fact]
    public void SystemTest()
    {
        const string robotsTxt = "user-agent: FooBot\ndisallow: /\n";

        // Empty robots.txt: everything allowed.
        IsUserAgentAllowed("", "FooBot", "").ShouldBeTrue();

        // Empty user agent: no group matches, everything allowed.
        IsUserAgentAllowed(robotsTxt, "", "").ShouldBeTrue();

        // Empty URL: the path "/", disallowed.
        IsUserAgentAllowed(robotsTxt, "FooBot", "").ShouldBeFalse();
        IsUserAgentAllowed("", "", "").ShouldBeTrue();
    }

    [Fact]
    public void LineSyntax_Line()
    {
        const string correct = "user-agent: FooBot\ndisallow: /\n";
        const string incorrect = "foo: FooBot\nbar: /\n";
        const string incorrectAccepted = "user-agent FooBot\ndisallow /\n";
        const string url = "http://foo.bar/x/y";

        IsUserAgentAllowed(correct, "FooBot", url).ShouldBeFalse();
        IsUserAgentAllowed(incorrect, "FooBot", url).ShouldBeTrue();
        IsUserAgentAllowed(incorrectAccepted, "FooBot", url).ShouldBeFalse();
    }

    [Fact]
    public void LineSyntax_Groups()
    {
        const string robotsTxt =
            "allow: /foo/bar/\n" +
            "\n" +
            "user-agent: FooBot\n" +
            "disallow: /\n" +
            "allow: /x/\n" +
            "user-agent: BarBot\n" +
            "disallow: /\n" +
            "allow: /y/\n" +
            "\n" +
            "\n" +
            "allow: /w/\n" +
            "user-agent: BazBot\n" +
            "\n" +
            "user-agent: FooBot\n" +
            "allow: /z/\n" +
            "disallow: /\n";

        IsUserAgentAllowed(robotsTxt, "FooBot", "http://foo.bar/x/b").ShouldBeTrue();
        IsUserAgentAllowed(robotsTxt, "FooBot", "http://foo.bar/z/d").ShouldBeTrue();
        IsUserAgentAllowed(robotsTxt, "FooBot", "http://foo.bar/y/c").ShouldBeFalse();
        IsUserAgentAllowed(robotsTxt, "BarBot", "http://foo.bar/y/c").ShouldBeTrue();
        IsUserAgentAllowed(robotsTxt, "BarBot", "http://foo.bar/w/a").ShouldBeTrue();
        IsUserAgentAllowed(robotsTxt, "BarBot", "http://foo.bar/z/d").ShouldBeFalse();
        IsUserAgentAllowed(robotsTxt, "BazBot", "http://foo.bar/z/d").ShouldBeTrue();

        // Rules outside groups are ignored.
        IsUserAgentAllowed(robotsTxt, "FooBot", "http://foo.bar/foo/bar/").ShouldBeFalse();
        IsUserAgentAllowed(robotsTxt, "BarBot", "http://foo.bar/foo/bar/").ShouldBeFalse();
        IsUserAgentAllowed(robotsTxt, "BazBot", "http://foo.bar/foo/bar/").ShouldBeFalse();
    }

    [Theory]
    [InlineData("USER-AGENT: FooBot\nALLOW: /x/\nDISALLOW: /\n")]
    [InlineData("user-agent: FooBot\nallow: /x/\ndisallow: /\n")]
    [InlineData("uSeR-aGeNt: FooBot\nAlLoW: /x/\ndIsAlLoW: /\n")]
    public void REPLineNamesCaseInsensitive(string robotsTxt)
    {
        IsUserAgentAllowed(robotsTxt, "FooBot", "http://foo.bar/x/y").ShouldBeTrue();
        IsUserAgentAllowed(robotsTxt, "FooBot", "http://foo.bar/a/b").ShouldBeFalse();
    }

    [Theory]
    [InlineData("User-Agent: FOO BAR\nAllow: /x/\nDisallow: /\n")]
    [InlineData("User-Agent: foo bar\nAllow: /x/\nDisallow: /\n")]
    [InlineData("User-Agent: FoO bAr\nAllow: /x/\nDisallow: /\n")]
    public void UserAgentValueCaseInsensitive(string robotsTxt)
    {
        foreach (var agent in new[] { "Foo", "foo" })
        {
            IsUserAgentAllowed(robotsTxt, agent, "http://foo.bar/x/y").ShouldBeTrue();
            IsUserAgentAllowed(robotsTxt, agent, "http://foo.bar/a/b").ShouldBeFalse();
        }
    }

    [Fact]
    public void AcceptUserAgentUpToFirstSpace()
    {
        const string robotsTxt = "User-Agent: *\nDisallow: /\nUser-Agent: Foo Bar\nAllow: /x/\nDisallow: /\n";

        IsUserAgentAllowed(robotsTxt, "Foo", "http://foo.bar/x/y").ShouldBeTrue();

        // Google: the agent "Foo Bar" is not the token "Foo" and falls back to '*'. We are given a User-Agent header,
        // whose product token ends at the first space: "Foo Bar" is "Foo".
        IsUserAgentAllowed(robotsTxt, "Foo Bar", "http://foo.bar/x/y").ShouldBeTrue();
    }

    [Fact]
    public void GlobalGroups_Secondary()
    {
        const string global = "user-agent: *\nallow: /\nuser-agent: FooBot\ndisallow: /\n";
        const string onlySpecific = "user-agent: FooBot\nallow: /\nuser-agent: BarBot\ndisallow: /\nuser-agent: BazBot\ndisallow: /\n";
        const string url = "http://foo.bar/x/y";

        IsUserAgentAllowed("", "FooBot", url).ShouldBeTrue();
        IsUserAgentAllowed(global, "FooBot", url).ShouldBeFalse();
        IsUserAgentAllowed(global, "BarBot", url).ShouldBeTrue();
        IsUserAgentAllowed(onlySpecific, "QuxBot", url).ShouldBeTrue();
    }

    [Fact]
    public void AllowDisallow_Value_CaseSensitive()
    {
        IsUserAgentAllowed("user-agent: FooBot\ndisallow: /x/\n", "FooBot", "http://foo.bar/x/y").ShouldBeFalse();
        IsUserAgentAllowed("user-agent: FooBot\ndisallow: /X/\n", "FooBot", "http://foo.bar/x/y").ShouldBeTrue();
    }

    [Theory]
    [InlineData("user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/\n", "http://foo.bar/x/page.html", false)]
    [InlineData("user-agent: FooBot\nallow: /x/page.html\ndisallow: /x/\n", "http://foo.bar/x/page.html", true)]
    [InlineData("user-agent: FooBot\nallow: /x/page.html\ndisallow: /x/\n", "http://foo.bar/x/", false)]
    [InlineData("user-agent: FooBot\ndisallow: \nallow: \n", "http://foo.bar/x/page.html", true)]
    [InlineData("user-agent: FooBot\ndisallow: /\nallow: /\n", "http://foo.bar/x/page.html", true)]
    [InlineData("user-agent: FooBot\ndisallow: /x\nallow: /x/\n", "http://foo.bar/x", false)]
    [InlineData("user-agent: FooBot\ndisallow: /x\nallow: /x/\n", "http://foo.bar/x/", true)]
    [InlineData("user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/page.html\n", "http://foo.bar/x/page.html", true)]
    [InlineData("user-agent: FooBot\nallow: /page\ndisallow: /*.html\n", "http://foo.bar/page.html", false)]
    [InlineData("user-agent: FooBot\nallow: /page\ndisallow: /*.html\n", "http://foo.bar/page", true)]
    [InlineData("user-agent: FooBot\nallow: /x/page.\ndisallow: /*.html\n", "http://foo.bar/x/page.html", true)]
    [InlineData("user-agent: FooBot\nallow: /x/page.\ndisallow: /*.html\n", "http://foo.bar/x/y.html", false)]
    [InlineData("User-agent: *\nDisallow: /x/\nUser-agent: FooBot\nDisallow: /y/\n", "http://foo.bar/x/page", true)]
    [InlineData("User-agent: *\nDisallow: /x/\nUser-agent: FooBot\nDisallow: /y/\n", "http://foo.bar/y/page", false)]
    public void LongestMatch(string robotsTxt, string url, bool allowed) =>
        IsUserAgentAllowed(robotsTxt, "FooBot", url).ShouldBe(allowed);

    [Theory]
    [InlineData("Allow: /foo/bar?qux=taz&baz=http://foo.bar?tar&par", "http://foo.bar/foo/bar?qux=taz&baz=http://foo.bar?tar&par", true)]
    [InlineData("Allow: /foo/bar/ツ", "http://foo.bar/foo/bar/%E3%83%84", true)]
    [InlineData("Allow: /foo/bar/%E3%83%84", "http://foo.bar/foo/bar/%E3%83%84", true)]
    [InlineData("Allow: /foo/bar/%62%61%7A", "http://foo.bar/foo/bar/%62%61%7A", true)]
    // Google disallows these three: it compares bytes as written. RFC 9309 §2.2.2 has both sides percent-normalised.
    [InlineData("Allow: /foo/bar/ツ", "http://foo.bar/foo/bar/ツ", true)]
    [InlineData("Allow: /foo/bar/%E3%83%84", "http://foo.bar/foo/bar/ツ", true)]
    [InlineData("Allow: /foo/bar/%62%61%7A", "http://foo.bar/foo/bar/baz", true)]
    public void Encoding(string allowLine, string url, bool allowed) =>
        IsUserAgentAllowed($"User-agent: FooBot\nDisallow: /\n{allowLine}\n", "FooBot", url).ShouldBe(allowed);

    [Theory]
    [InlineData("User-agent: FooBot\nDisallow: /foo/bar/quz\nAllow: /foo/*/qux\n", "http://foo.bar/foo/bar/quz", false)]
    [InlineData("User-agent: FooBot\nDisallow: /foo/bar/quz\nAllow: /foo/*/qux\n", "http://foo.bar/foo/quz", true)]
    [InlineData("User-agent: FooBot\nDisallow: /foo/bar/quz\nAllow: /foo/*/qux\n", "http://foo.bar/foo//quz", true)]
    [InlineData("User-agent: FooBot\nDisallow: /foo/bar/quz\nAllow: /foo/*/qux\n", "http://foo.bar/foo/bax/quz", true)]
    [InlineData("User-agent: FooBot\nDisallow: /foo/bar$\nAllow: /foo/bar/qux\n", "http://foo.bar/foo/bar", false)]
    [InlineData("User-agent: FooBot\nDisallow: /foo/bar$\nAllow: /foo/bar/qux\n", "http://foo.bar/foo/bar/qux", true)]
    [InlineData("User-agent: FooBot\nDisallow: /foo/bar$\nAllow: /foo/bar/qux\n", "http://foo.bar/foo/bar/", true)]
    [InlineData("User-agent: FooBot\nDisallow: /foo/bar$\nAllow: /foo/bar/qux\n", "http://foo.bar/foo/bar/baz", true)]
    [InlineData("User-agent: FooBot\n# Disallow: /\nDisallow: /foo/quz#qux\nAllow: /\n", "http://foo.bar/foo/bar", true)]
    [InlineData("User-agent: FooBot\n# Disallow: /\nDisallow: /foo/quz#qux\nAllow: /\n", "http://foo.bar/foo/quz", false)]
    public void SpecialCharacters(string robotsTxt, string url, bool allowed) =>
        IsUserAgentAllowed(robotsTxt, "FooBot", url).ShouldBe(allowed);

    public static TheoryData<string, string, bool> Documentation => new()
    {
        // "URL matching based on path values"
        { "allow: /fish", "/bar", false },
        { "allow: /fish", "/fish", true },
        { "allow: /fish", "/fish.html", true },
        { "allow: /fish", "/fish/salmon.html", true },
        { "allow: /fish", "/fishheads", true },
        { "allow: /fish", "/fishheads/yummy.html", true },
        { "allow: /fish", "/fish.html?id=anything", true },
        { "allow: /fish", "/Fish.asp", false },
        { "allow: /fish", "/catfish", false },
        { "allow: /fish", "/?id=fish", false },
        // "/fish*" equals "/fish"
        { "allow: /fish*", "/bar", false },
        { "allow: /fish*", "/fish", true },
        { "allow: /fish*", "/fish.html", true },
        { "allow: /fish*", "/fish/salmon.html", true },
        { "allow: /fish*", "/fishheads", true },
        { "allow: /fish*", "/fishheads/yummy.html", true },
        { "allow: /fish*", "/fish.html?id=anything", true },
        { "allow: /fish*", "/Fish.bar", false },
        { "allow: /fish*", "/catfish", false },
        { "allow: /fish*", "/?id=fish", false },
        // "/fish/" does not equal "/fish"
        { "allow: /fish/", "/bar", false },
        { "allow: /fish/", "/fish/", true },
        { "allow: /fish/", "/fish/salmon", true },
        { "allow: /fish/", "/fish/?salmon", true },
        { "allow: /fish/", "/fish/salmon.html", true },
        { "allow: /fish/", "/fish/?id=anything", true },
        { "allow: /fish/", "/fish", false },
        { "allow: /fish/", "/fish.html", false },
        { "allow: /fish/", "/Fish/Salmon.html", false },
        // "/*.php"
        { "allow: /*.php", "/bar", false },
        { "allow: /*.php", "/filename.php", true },
        { "allow: /*.php", "/folder/filename.php", true },
        { "allow: /*.php", "/folder/filename.php?parameters", true },
        { "allow: /*.php", "//folder/any.php.file.html", true },
        { "allow: /*.php", "/filename.php/", true },
        { "allow: /*.php", "/index?f=filename.php/", true },
        { "allow: /*.php", "/php/", false },
        { "allow: /*.php", "/index?php", false },
        { "allow: /*.php", "/windows.PHP", false },
        // "/*.php$"
        { "allow: /*.php$", "/bar", false },
        { "allow: /*.php$", "/filename.php", true },
        { "allow: /*.php$", "/folder/filename.php", true },
        { "allow: /*.php$", "/filename.php?parameters", false },
        { "allow: /*.php$", "/filename.php/", false },
        { "allow: /*.php$", "/filename.php5", false },
        { "allow: /*.php$", "/php/", false },
        { "allow: /*.php$", "/filename?php", false },
        { "allow: /*.php$", "/aaaphpaaa", false },
        { "allow: /*.php$", "//windows.PHP", false },
        // "/fish*.php"
        { "allow: /fish*.php", "/bar", false },
        { "allow: /fish*.php", "/fish.php", true },
        { "allow: /fish*.php", "/fishheads/catfish.php?parameters", true },
        { "allow: /fish*.php", "/Fish.PHP", false },
    };

    [Theory]
    [MemberData(nameof(Documentation))]
    public void DocumentationChecks(string allowLine, string path, bool allowed) =>
        IsUserAgentAllowed($"user-agent: FooBot\ndisallow: /\n{allowLine}\n", "FooBot", "http://foo.bar" + path).ShouldBe(allowed);

    [Theory]
    [InlineData("user-agent: FooBot\nallow: /p\ndisallow: /\n", "http://example.com/page", true)]
    [InlineData("user-agent: FooBot\nallow: /folder\ndisallow: /folder\n", "http://example.com/folder/page", true)]
    [InlineData("user-agent: FooBot\nallow: /page\ndisallow: /*.htm\n", "http://example.com/page.htm", false)]
    [InlineData("user-agent: FooBot\nallow: /$\ndisallow: /\n", "http://example.com/", true)]
    [InlineData("user-agent: FooBot\nallow: /$\ndisallow: /\n", "http://example.com/page.html", false)]
    public void DocumentationChecks_OrderOfPrecedence(string robotsTxt, string url, bool allowed) =>
        IsUserAgentAllowed(robotsTxt, "FooBot", url).ShouldBe(allowed);

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void LinesNumbersAreCountedCorrectly_every_line_end_parses_alike(string eol)
    {
        var robotsTxt = string.Join(eol, "User-Agent: foo", "Allow: /some/path", "User-Agent: bar", "", "", "Disallow: /") + eol;

        IsUserAgentAllowed(robotsTxt, "foo", "http://foo.bar/some/path").ShouldBeTrue();
        IsUserAgentAllowed(robotsTxt, "bar", "http://foo.bar/some/path").ShouldBeFalse();
        IsUserAgentAllowed(robotsTxt.TrimEnd(), "bar", "http://foo.bar/x").ShouldBeFalse();
    }

    [Fact]
    public void LinesNumbersAreCountedCorrectly_mixed_line_ends()
    {
        const string robotsTxt = "User-Agent: foo\nAllow: /some/path\r\nUser-Agent: bar\n\r\n\nDisallow: /";

        IsUserAgentAllowed(robotsTxt, "bar", "http://foo.bar/x").ShouldBeFalse();
        IsUserAgentAllowed(robotsTxt, "foo", "http://foo.bar/x").ShouldBeTrue();
    }

    [Theory]
    [InlineData("\uFEFF")]          // a whole byte order mark
    [InlineData("\uFFFD")]          // part of one, decoded as UTF-8
    [InlineData("\uFFFD\uFFFD")]
    public void UTF8ByteOrderMarkIsSkipped(string bom) =>
        IsUserAgentAllowed(bom + "User-Agent: foo\nDisallow: /AnyValue\n", "foo", "http://foo.bar/AnyValue").ShouldBeFalse();

    [Fact]
    public void A_broken_byte_order_mark_spoils_only_its_line() =>
        IsUserAgentAllowed("\uFFFD\u0011\uFFFDUser-Agent: foo\nDisallow: /AnyValue\n", "foo", "http://foo.bar/AnyValue").ShouldBeTrue();

    [Fact]
    public void A_byte_order_mark_in_the_middle_spoils_its_line() =>
        IsUserAgentAllowed("User-Agent: foo\n\uFEFFDisallow: /AnyValue\n", "foo", "http://foo.bar/AnyValue").ShouldBeTrue();

    [Fact]
    public void NonStandardLineExample_Sitemap_does_not_end_a_group()
    {
        const string robotsTxt = "User-Agent: foo\nSitemap: http://foo.bar/sitemap.xml\nDisallow: /x\n";

        IsUserAgentAllowed(robotsTxt, "foo", "http://foo.bar/x").ShouldBeFalse();
    }
}
