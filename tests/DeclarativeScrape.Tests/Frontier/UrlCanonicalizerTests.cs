using DeclarativeScrape;

namespace DeclarativeScrape.Tests.Frontier;

public sealed class UrlCanonicalizerTests
{
    public static TheoryData<string, string> Canonical => new()
    {
        // scheme and host
        { "HTTP://Example.COM/", "http://example.com/" },
        { "HTTPS://WWW.Example.Com/Path", "https://www.example.com/Path" },
        { "http://example.com./", "http://example.com./" },
        { "http://ＥＸＡＭＰＬＥ.com/", "http://example.com/" },
        { "http://bücher.de/", "http://xn--bcher-kva.de/" },
        { "http://BÜCHER.de/", "http://xn--bcher-kva.de/" },
        { "http://МОСКВА.рф/", "http://xn--80adxhks.xn--p1ai/" },
        { "http://xn--bcher-kva.de/", "http://xn--bcher-kva.de/" },
        { "http://faß.de/", "http://xn--fa-hia.de/" },
        // IP addresses
        { "http://127.0.0.1:5080/a", "http://127.0.0.1:5080/a" },
        { "http://0x7f.1/", "http://127.0.0.1/" },
        { "http://[::1]:8080/", "http://[::1]:8080/" },
        { "http://[0:0:0:0:0:0:0:1]/", "http://[::1]/" },
        { "http://[::FFFF:1.2.3.4]/", "http://[::ffff:1.2.3.4]/" },
        { "http://[fe80::1%25eth0]/", "http://[fe80::1]/" },
        // ports
        { "http://example.com:80/", "http://example.com/" },
        { "https://example.com:443/", "https://example.com/" },
        { "http://example.com:0080/", "http://example.com/" },
        { "https://example.com:80/", "https://example.com:80/" },
        { "http://example.com:443/", "http://example.com:443/" },
        { "http://example.com:8080/", "http://example.com:8080/" },
        // path
        { "http://example.com", "http://example.com/" },
        { "http://example.com?q", "http://example.com/?q" },
        { "http://example.com/a/./b/../c", "http://example.com/a/c" },
        { "http://example.com/a/b/..", "http://example.com/a/" },
        { "http://example.com/a/b/.", "http://example.com/a/b/" },
        { "http://example.com/../../a", "http://example.com/a" },
        { "http://example.com/a/%2e%2E/b", "http://example.com/b" },
        { "http://example.com/a/.%2e/b", "http://example.com/b" },
        { "http://example.com/a%2e/b", "http://example.com/a./b" },
        { "http://example.com/.../b", "http://example.com/.../b" },
        { "http://example.com/a//b", "http://example.com/a//b" },
        { "http://example.com/a\\b", "http://example.com/a/b" },
        { "http://example.com/a;p=1/b", "http://example.com/a;p=1/b" },
        { "http://example.com/A/B", "http://example.com/A/B" },
        // fragment
        { "http://example.com/a#top", "http://example.com/a" },
        { "http://example.com/a?q=1#top", "http://example.com/a?q=1" },
        { "http://example.com/a?#", "http://example.com/a?" },
        // percent-encoding
        { "http://example.com/%7euser", "http://example.com/~user" },
        { "http://example.com/%41%42%43", "http://example.com/ABC" },
        { "http://example.com/%2d%2E%5f%7E", "http://example.com/-._~" },
        { "http://example.com/a%2fb", "http://example.com/a%2Fb" },
        { "http://example.com/a%3fb%23c", "http://example.com/a%3Fb%23c" },
        { "http://example.com/%21%24%26", "http://example.com/%21%24%26" },
        { "http://example.com/!$&'()*+,;=:@", "http://example.com/!$&'()*+,;=:@" },
        { "http://example.com/%c3%a9", "http://example.com/%C3%A9" },
        { "http://example.com/é", "http://example.com/%C3%A9" },
        { "http://example.com/€?€", "http://example.com/%E2%82%AC?%E2%82%AC" },
        { "http://example.com/😀", "http://example.com/%F0%9F%98%80" },
        { "http://example.com/%ff%fe", "http://example.com/%FF%FE" },
        { "http://example.com/a b", "http://example.com/a%20b" },
        { "http://example.com/<\"{}|^`>", "http://example.com/%3C%22%7B%7D%7C%5E%60%3E" },
        { "http://example.com/100%", "http://example.com/100%25" },
        { "http://example.com/%zz", "http://example.com/%25zz" },
        { "http://example.com/a%2520", "http://example.com/a%2520" },
        { "http://example.com/%0a%00", "http://example.com/%0A%00" },
        // query
        { "http://example.com/a?", "http://example.com/a?" },
        { "http://example.com/a?b=2&a=1", "http://example.com/a?b=2&a=1" },
        { "http://example.com/a?a=1&&b=", "http://example.com/a?a=1&&b=" },
        { "http://example.com/?q=a+b", "http://example.com/?q=a+b" },
        { "http://example.com/?q=a b", "http://example.com/?q=a%20b" },
        { "http://example.com/?q=%7e%2b%2B", "http://example.com/?q=~%2B%2B" },
        { "http://example.com/?q=%c3%a9&r=é", "http://example.com/?q=%C3%A9&r=%C3%A9" },
        { "http://example.com/?a/b?c", "http://example.com/?a/b?c" },
        { "http://example.com/?a[]=1", "http://example.com/?a[]=1" },
        { "http://example.com/?Q=A", "http://example.com/?Q=A" },
        { "http://example.com/?x=%zz", "http://example.com/?x=%25zz" },
        { "http://example.com/a/../b?c/../d", "http://example.com/b?c/../d" },
        // user info
        { "http://User:p%41ss@Example.com/", "http://User:pAss@example.com/" },
        { "http://u%3a@example.com/", "http://u%3A@example.com/" },
    };

    [Theory]
    [MemberData(nameof(Canonical))]
    public void Canonicalizes(string input, string expected)
    {
        UrlCanonicalizer.TryCanonicalize(new Uri(input), out var canonical).ShouldBeTrue();

        UrlCanonicalizer.CanonicalKey(canonical).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Canonical))]
    public void Is_idempotent_and_round_trips_through_Uri(string input, string expected)
    {
        UrlCanonicalizer.TryCanonicalize(new Uri(input), out var once).ShouldBeTrue();
        UrlCanonicalizer.TryCanonicalize(once, out var twice).ShouldBeTrue();

        once.AbsoluteUri.ShouldBe(expected);
        UrlCanonicalizer.CanonicalKey(twice).ShouldBe(expected);
        UrlCanonicalizer.TryCanonicalize(new Uri(expected), out var parsed).ShouldBeTrue();
        UrlCanonicalizer.CanonicalKey(parsed).ShouldBe(expected);
    }

    public static TheoryData<string, string> Same => new()
    {
        { "http://example.com", "HTTP://EXAMPLE.COM:80/" },
        { "http://example.com/~a", "http://example.com/%7Ea" },
        { "http://example.com/%C3%A9", "http://example.com/é" },
        { "http://example.com/a/b/../c", "http://example.com/a/./c" },
        { "http://example.com/a#x", "http://example.com/a#y" },
        { "http://bücher.de/", "http://xn--bcher-kva.de/" },
        { "http://example.com/a%2f", "http://example.com/a%2F" },
    };

    [Theory]
    [MemberData(nameof(Same))]
    public void Equivalent_urls_get_one_key(string a, string b) => Key(a).ShouldBe(Key(b));

    public static TheoryData<string, string> Different => new()
    {
        { "http://example.com/a%2Fb", "http://example.com/a/b" },
        { "http://example.com/?a=1&b=2", "http://example.com/?b=2&a=1" },
        { "http://example.com/Page", "http://example.com/page" },
        { "http://example.com/?q=A", "http://example.com/?q=a" },
        { "http://example.com/a?", "http://example.com/a" },
        { "http://example.com/a/", "http://example.com/a" },
        { "http://example.com/a//b", "http://example.com/a/b" },
        { "http://example.com/?q=a+b", "http://example.com/?q=a%20b" },
        { "http://example.com/?q=a+b", "http://example.com/?q=a%2Bb" },
        { "http://example.com/a%3Fb", "http://example.com/a?b" },
        { "http://example.com/a%21", "http://example.com/a!" },
        { "http://example.com/", "https://example.com/" },
        { "http://example.com/", "http://example.com:8080/" },
        { "http://example.com/", "http://www.example.com/" },
        { "http://example.com/", "http://example.com./" },
        { "http://example.com/?a[]=1", "http://example.com/?a%5B%5D=1" },
        { "http://example.com/a%2520", "http://example.com/a%20" },
    };

    [Theory]
    [MemberData(nameof(Different))]
    public void Urls_that_may_name_different_resources_stay_different(string a, string b) => Key(a).ShouldNotBe(Key(b));

    [Theory]
    [InlineData("ftp://example.com/file")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:text/plain,hello")]
    public void Refuses_schemes_other_than_http_and_https(string input) =>
        UrlCanonicalizer.TryCanonicalize(new Uri(input), out _).ShouldBeFalse();

    [Theory]
    [InlineData("http://bü-.example/")]
    [InlineData("http://xn--bü.example/page.html")]
    public void Refuses_a_host_that_uri_accepts_but_idna_cannot_convert(string input) =>
        UrlCanonicalizer.TryCanonicalize(new Uri(input), out _).ShouldBeFalse();

    [Fact]
    public void Refuses_relative_urls() =>
        UrlCanonicalizer.TryCanonicalize(new Uri("/a/b", UriKind.Relative), out _).ShouldBeFalse();

    [Fact]
    public void Canonicalizes_a_url_resolved_against_a_base()
    {
        var url = new Uri(new Uri("http://Example.com/a/b/c"), "../%7ex/./y?z#f");

        Key(url).ShouldBe("http://example.com/a/~x/y?z");
    }

    [Fact]
    public void Canonicalizes_a_url_whose_path_Uri_left_alone()
    {
        var raw = new Uri(
            "http://example.com/a/../b/./%41%2e%2fc?q=%7e",
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        Key(raw).ShouldBe("http://example.com/b/A.%2Fc?q=~");
    }

    private static string Key(string url) => Key(new Uri(url));

    private static string Key(Uri url)
    {
        UrlCanonicalizer.TryCanonicalize(url, out var canonical).ShouldBeTrue();
        return UrlCanonicalizer.CanonicalKey(canonical);
    }
}
