namespace DeclarativeScrape.Tests.Links;

public sealed class UrlPatternTests
{
    [Theory]
    [InlineData("/docs/**", "http://h/docs/", true)]
    [InlineData("/docs/**", "http://h/docs/a/b.html", true)]
    [InlineData("/docs/**", "http://h/docs", false)]
    [InlineData("/docs/**", "http://h/other/docs/a", false)]
    [InlineData("/docs/*.html", "http://h/docs/a.html", true)]
    [InlineData("/docs/*.html", "http://h/docs/a/b.html", false)]
    [InlineData("/docs/*.html", "http://h/docs/a.html?lang=en", true)]      // no '?' in the pattern: the path alone
    [InlineData("**.pdf", "http://h/a/b/report.pdf", true)]
    [InlineData("**.pdf", "http://h/report.pdf.html", false)]
    [InlineData("**.{pdf,zip,png}", "http://h/x.zip", true)]
    [InlineData("**.{pdf,zip,png}", "http://h/x.html", false)]
    [InlineData("/**/*.html", "http://h/a.html", true)]                     // **/ is any run of whole directories, none included
    [InlineData("/**/*.html", "http://h/a/b/c.html", true)]
    [InlineData("**/", "http://h/a/b/", true)]
    [InlineData("**/", "http://h/a/b", false)]
    [InlineData("**?*", "http://h/search?q=1", true)]                      // '?' in the pattern: path and query
    [InlineData("**?*", "http://h/search", false)]
    [InlineData("/search?q=*", "http://h/search?q=dune", true)]
    [InlineData("/search?q=*", "http://h/search?q=a/b", false)]
    [InlineData("/a?b", "http://h/ab", false)]                               // '?' is itself, not a wildcard
    [InlineData("/Docs/**", "http://h/docs/a", false)]                       // case-sensitive
    [InlineData("/caf\u00e9/*", "http://h/caf%C3%A9/menu", true)]            // non-ASCII in its percent-encoded form
    [InlineData("{/a,/b}/**", "http://h/b/x", true)]
    [InlineData("http://h/docs/**", "http://h/docs/x", true)]                 // a whole URL
    [InlineData("http://h/docs/**", "http://other/docs/x", false)]
    [InlineData("https://*.example.com/**", "https://www.example.com/a", true)]
    public void A_pattern_matches_the_path_or_the_whole_url(string pattern, string url, bool matches) =>
        UrlPattern.Parse(pattern).IsMatch(new Uri(url)).ShouldBe(matches, $"{pattern} on {url}");

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("docs/**", "a pattern starts with '/'")]
    [InlineData("/a b", "white space")]
    [InlineData("/a#b", "'#'")]
    [InlineData("/{a,{b}}", "nested")]
    [InlineData("/{a,b", "not closed")]
    [InlineData("/a}", "no '{' before it")]
    public void A_bad_pattern_is_refused_saying_why(string pattern, string why)
    {
        UrlPattern.TryParse(pattern, out _, out var problem).ShouldBeFalse();
        problem.ShouldContain(why);
        Should.Throw<ArgumentException>(() => UrlPattern.Parse(pattern)).Message.ShouldContain(pattern.Length == 0 ? "''" : "'" + pattern + "'");
    }

    [Fact]
    public void Rules_include_any_and_exclude_every_match_and_say_which_rule_left_a_url_out()
    {
        var rules = UrlRules.Create(["/docs/**", "/api/**"], ["**.pdf", "**/drafts/**"]);

        rules.Allows(new Uri("http://h/docs/a.html")).ShouldBeTrue();
        rules.Allows(new Uri("http://h/api/x")).ShouldBeTrue();
        rules.Rejection(new Uri("http://h/blog/x")).ShouldBe("it matches none of the include patterns ('/docs/**', '/api/**')");
        rules.Rejection(new Uri("http://h/docs/a.pdf")).ShouldBe("it matches the exclude pattern '**.pdf'");
        rules.Rejection(new Uri("http://h/docs/drafts/x.html")).ShouldBe("it matches the exclude pattern '**/drafts/**'");
        UrlRules.Create(null, null).ShouldBeSameAs(UrlRules.None);
        UrlRules.None.Allows(new Uri("http://h/anything")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("docs/", "Scope.PathPrefix", "starts with '/'")]
    public void A_bad_path_prefix_is_refused_at_start_naming_the_option(string prefix, string option, string why)
    {
        var options = new ScrapeOptions { StartUrls = [new Uri("http://127.0.0.1/")] };
        options.Scope.PathPrefix = prefix;

        var error = Should.Throw<ScrapeOptionsException>(options.Validate);

        error.OptionName.ShouldBe(option);
        error.Message.ShouldContain(why);
    }

    [Fact]
    public void A_bad_scope_pattern_is_refused_at_start_naming_its_index()
    {
        var options = new ScrapeOptions { StartUrls = [new Uri("http://127.0.0.1/")] };
        options.Scope.Exclude.Add("**.pdf");
        options.Scope.Exclude.Add("drafts/**");

        var error = Should.Throw<ScrapeOptionsException>(options.Validate);

        error.OptionName.ShouldBe("Scope.Exclude[1]");
        error.Message.ShouldContain("'drafts/**' is not a URL pattern");
    }
}
