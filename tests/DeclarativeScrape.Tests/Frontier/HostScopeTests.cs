using DeclarativeScrape;

namespace DeclarativeScrape.Tests.Frontier;

public sealed class HostScopeTests
{
    private static readonly Uri[] NoStartUrls = [];

    public static TheoryData<string, string, bool> Entries => new()
    {
        // exact host, any port
        { "example.com", "http://example.com/", true },
        { "example.com", "https://example.com:8443/a", true },
        { "example.com", "http://EXAMPLE.com/", true },
        { "EXAMPLE.COM", "http://example.com/", true },
        { "example.com", "http://www.example.com/", false },
        { "example.com", "http://example.org/", false },
        { "example.com", "http://notexample.com/", false },
        { "example.com", "http://example.com.evil.net/", false },
        { "example.com", "http://example.com./", true },
        { "example.com.", "http://example.com/", true },
        { "  example.com  ", "http://example.com/", true },
        // wildcard
        { "*.example.com", "http://www.example.com/", true },
        { "*.example.com", "http://a.b.example.com/", true },
        { "*.example.com", "http://example.com/", true },
        { "*.example.com", "http://WWW.Example.COM:8080/", true },
        { "*.example.com", "http://notexample.com/", false },
        { "*.example.com", "http://example.org/", false },
        { "*.example.com", "http://www.example.com.evil.net/", false },
        { "*.example.com", "http://com/", false },
        // host and port
        { "example.com:8080", "http://example.com:8080/", true },
        { "example.com:8080", "http://example.com/", false },
        { "example.com:8080", "https://example.com:8443/", false },
        { "example.com:80", "http://example.com/", true },
        { "example.com:443", "https://example.com/", true },
        { "example.com:443", "http://example.com/", false },
        { "*.example.com:8080", "http://a.example.com:8080/", true },
        { "*.example.com:8080", "http://a.example.com:8081/", false },
        // IP addresses
        { "127.0.0.1", "http://127.0.0.1:5080/", true },
        { "127.0.0.1", "http://127.0.0.2/", false },
        { "127.0.0.1:5080", "http://127.0.0.1:5080/", true },
        { "127.0.0.1:5080", "http://127.0.0.1:5081/", false },
        { "[::1]", "http://[::1]:5080/", true },
        { "[::1]", "http://[0:0:0:0:0:0:0:1]/", true },
        { "[0:0::1]", "http://[::1]/", true },
        { "::1", "http://[::1]/", true },
        { "[::1]:5080", "http://[::1]:5080/", true },
        { "[::1]:5080", "http://[::1]:5081/", false },
        { "[::1]", "http://127.0.0.1/", false },
        // IDN
        { "bücher.de", "http://xn--bcher-kva.de/", true },
        { "xn--bcher-kva.de", "http://bücher.de/", true },
        { "BÜCHER.de", "http://bücher.de/", true },
        { "*.bücher.de", "http://shop.xn--bcher-kva.de/", true },
        { "*.xn--bcher-kva.de", "http://shop.bücher.de/", true },
        // names Uri calls Basic rather than Dns
        { "_internal.example", "http://_internal.example/", true },
        { "localhost", "http://localhost:5080/", true },
        { "localhost", "http://127.0.0.1/", false },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void An_entry_allows_its_hosts_and_ports(string entry, string url, bool allowed) =>
        HostScope.Create([entry], NoStartUrls).Contains(new Uri(url)).ShouldBe(allowed);

    [Fact]
    public void Several_entries_allow_the_union()
    {
        var scope = HostScope.Create(["a.example", "b.example:81", "b.example:82", "*.c.example"], NoStartUrls);

        scope.Contains(new Uri("http://a.example:9/")).ShouldBeTrue();
        scope.Contains(new Uri("http://b.example:81/")).ShouldBeTrue();
        scope.Contains(new Uri("http://b.example:82/")).ShouldBeTrue();
        scope.Contains(new Uri("http://b.example:83/")).ShouldBeFalse();
        scope.Contains(new Uri("http://x.c.example/")).ShouldBeTrue();
        scope.Contains(new Uri("http://x.a.example/")).ShouldBeFalse();
    }

    [Fact]
    public void A_host_on_any_port_wins_over_the_same_host_on_one_port()
    {
        var scope = HostScope.Create(["example.com:8080", "example.com"], NoStartUrls);

        scope.Contains(new Uri("http://example.com:9090/")).ShouldBeTrue();
    }

    [Fact]
    public void Without_entries_the_start_urls_hosts_are_the_scope_on_any_port()
    {
        var scope = HostScope.Create([], [new Uri("http://127.0.0.1:5080/start"), new Uri("https://Bücher.de/")]);

        scope.Contains(new Uri("http://127.0.0.1:5081/other")).ShouldBeTrue();
        scope.Contains(new Uri("http://xn--bcher-kva.de/")).ShouldBeTrue();
        scope.Contains(new Uri("http://shop.bücher.de/")).ShouldBeFalse();
        scope.Contains(new Uri("http://localhost:5080/")).ShouldBeFalse();
    }

    [Fact]
    public void With_entries_the_start_urls_do_not_widen_the_scope()
    {
        var scope = HostScope.Create(["a.example"], [new Uri("http://b.example/")]);

        scope.Contains(new Uri("http://b.example/")).ShouldBeFalse();
    }

    [Fact]
    public void A_relative_url_is_never_in_scope() =>
        HostScope.Create(["example.com"], NoStartUrls).Contains(new Uri("/a", UriKind.Relative)).ShouldBeFalse();

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("http://example.com", "write the host 'example.com'")]
    [InlineData("https://example.com:8443/a", "write the host 'example.com:8443'")]
    [InlineData("example.com/path", "'/' may not appear")]
    [InlineData("user@example.com", "'@' may not appear")]
    [InlineData("example.com?q", "'?' may not appear")]
    [InlineData("exa mple.com", "' ' may not appear")]
    [InlineData("*", "'*' may only start an entry")]
    [InlineData("*example.com", "'*' may only start an entry")]
    [InlineData("www.*.example.com", "'*' may only start an entry")]
    [InlineData("*.*.example.com", "'*' may only start an entry")]
    [InlineData("*.127.0.0.1", "wildcard on an IP address")]
    [InlineData("*.[::1]", "wildcard on an IP address")]
    [InlineData("example.com:", "invalid port ''")]
    [InlineData("example.com:0", "invalid port '0'")]
    [InlineData("example.com:65536", "invalid port '65536'")]
    [InlineData("example.com:http", "invalid port 'http'")]
    [InlineData("example.com:+80", "invalid port '+80'")]
    [InlineData("a..b", "not a valid host name")]
    [InlineData(".example.com", "not a valid host name")]
    [InlineData("[::1", "not a valid host name")]
    [InlineData("[::1]x", "only ':port' may follow ']'")]
    [InlineData("::g", "not a valid host name")]
    public void A_bad_entry_is_refused_naming_its_index(string entry, string reason)
    {
        var error = Should.Throw<ScrapeOptionsException>(() => HostScope.Create(["ok.example", entry], NoStartUrls));

        error.OptionName.ShouldBe("AllowedHosts[1]");
        error.Message.ShouldContain(reason);
    }

    [Fact]
    public void Validate_refuses_a_bad_entry()
    {
        var options = new ScrapeOptions { StartUrls = { new Uri("http://127.0.0.1/") }, AllowedHosts = { "127.0.0.1", "http://x/" } };

        Should.Throw<ScrapeOptionsException>(options.Validate).OptionName.ShouldBe("AllowedHosts[1]");
    }
}
