using System.Diagnostics;
using System.Text;
using DeclarativeScrape;

namespace DeclarativeScrape.Tests.Politeness;

public sealed class RobotsTxtTests
{
    // RFC 9309 §5.1
    private const string SimpleExample = """
        User-Agent: *
        Disallow: *.gif$
        Disallow: /example/
        Allow: /publications/

        User-Agent: foobot
        Disallow:/
        Allow:/example/page.html
        Allow:/example/allowed.gif

        User-Agent: barbot
        User-Agent: bazbot
        Disallow: /example/page.html

        User-Agent: quxbot

        EOF
        """;

    [Theory]
    [InlineData("OtherBot", "/", true)]
    [InlineData("OtherBot", "/publications/x", true)]
    [InlineData("OtherBot", "/example/x", false)]
    [InlineData("OtherBot", "/images/a.gif", false)]
    [InlineData("OtherBot", "/images/a.gif?x", true)]
    [InlineData("OtherBot", "/publications/a.gif", true)]
    [InlineData("foobot", "/", false)]
    [InlineData("foobot", "/example/page.html", true)]
    [InlineData("foobot", "/example/allowed.gif", true)]
    [InlineData("foobot", "/example/other.html", false)]
    [InlineData("FooBot/2.1 (+https://foo.example/bot)", "/example/page.html", true)]
    [InlineData("barbot", "/example/page.html", false)]
    [InlineData("barbot", "/example/other.html", true)]
    [InlineData("bazbot", "/example/page.html", false)]
    [InlineData("bazbot", "/images/a.gif", true)]
    [InlineData("quxbot", "/example/page.html", true)]
    [InlineData("quxbot", "/images/a.gif", true)]
    public void Rfc9309_simple_example(string agent, string path, bool allowed) =>
        RobotsTxt.Parse(SimpleExample).For(agent).IsAllowed(path).ShouldBe(allowed);

    [Theory]
    [InlineData("/example/page/", true)]
    [InlineData("/example/page/disallowed.gif", false)]
    public void Rfc9309_longest_match_example(string path, bool allowed) =>
        RobotsTxt.Parse("User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n")
            .For("foobot").IsAllowed(path).ShouldBe(allowed);

    [Fact]
    public void Rfc9309_groups_naming_one_token_are_merged()
    {
        var policy = RobotsTxt.Parse("user-agent: ExampleBot\ndisallow: /foo\ndisallow: /bar\n\nuser-agent: ExampleBot\ndisallow: /baz\n").For("examplebot");

        policy.IsAllowed("/foo").ShouldBeFalse();
        policy.IsAllowed("/bar").ShouldBeFalse();
        policy.IsAllowed("/baz").ShouldBeFalse();
        policy.IsAllowed("/qux").ShouldBeTrue();
    }

    [Fact]
    public void Rfc9309_without_a_matching_group_the_star_group_applies()
    {
        var policy = RobotsTxt.Parse("user-agent: *\ndisallow: /foo\ndisallow: /bar\n\nuser-agent: BazBot\ndisallow: /baz\n").For("ExampleBot");

        policy.IsAllowed("/foo").ShouldBeFalse();
        policy.IsAllowed("/baz").ShouldBeTrue();
    }

    [Theory]
    [InlineData("/foo/bar?baz=quz", "/foo/bar?baz=quz")]
    [InlineData("/foo/bar?baz=https://foo.bar", "/foo/bar?baz=https://foo.bar")]
    [InlineData("/foo/bar?baz=https%3A%2F%2Ffoo.bar", "/foo/bar?baz=https%3A%2F%2Ffoo.bar")]
    [InlineData("/foo/bar/ツ", "/foo/bar/%E3%83%84")]
    [InlineData("/foo/bar/%E3%83%84", "/foo/bar/%E3%83%84")]
    [InlineData("/foo/bar/%e3%83%84", "/foo/bar/%E3%83%84")]
    [InlineData("/foo/bar/%62%61%7A", "/foo/bar/baz")]
    [InlineData("/foo/bar/baz", "/foo/bar/%62%61%7A")]
    [InlineData("/path/file-with-a-%2A.html", "/path/file-with-a-*.html")]
    [InlineData("/path/file-with-a-%2A.html", "/path/file-with-a-%2A.html")]
    [InlineData("/path/foo-%24", "/path/foo-$")]
    [InlineData("/path/foo-%24", "/path/foo-%24")]
    [InlineData("/a$b", "/a$b")]
    [InlineData("/a$b", "/a%24b")]
    [InlineData("/100%", "/100%25")]
    public void Rfc9309_percent_encoding_is_normalised_on_both_sides(string pattern, string path) =>
        Disallowed(pattern, path).ShouldBeTrue();

    [Theory]
    [InlineData("/a%2Fb", "/a/b")]
    [InlineData("/a/b", "/a%2Fb")]
    [InlineData("/path/file-with-a-%2A.html", "/path/file-with-a-x.html")]
    [InlineData("/path/foo-%24", "/path/foo-x")]
    [InlineData("/a$", "/a/")]
    public void Encoded_reserved_characters_are_not_their_raw_selves(string pattern, string path) =>
        Disallowed(pattern, path).ShouldBeFalse();

    [Theory]
    [InlineData("/robots.txt")]
    [InlineData("/robots.txt?x=1")]
    public void Robots_txt_itself_is_always_allowed(string path)
    {
        RobotsTxt.Parse("User-agent: *\nDisallow: /\n").For("Bot").IsAllowed(path).ShouldBeTrue();
        RobotsTxt.DisallowAll.For("Bot").IsAllowed(path).ShouldBeTrue();
    }

    [Fact]
    public void AllowAll_and_DisallowAll()
    {
        RobotsTxt.AllowAll.For("Bot").IsAllowed("/anything").ShouldBeTrue();
        RobotsTxt.AllowAll.For("Bot").CrawlDelay.ShouldBeNull();
        RobotsTxt.DisallowAll.For("Bot").IsAllowed("/").ShouldBeFalse();
        RobotsTxt.DisallowAll.For("Bot").IsAllowed("/anything?x").ShouldBeFalse();
        RobotsTxt.DisallowAll.For("").IsAllowed("/anything").ShouldBeFalse();
    }

    [Theory]
    [InlineData("Disallow:")]
    [InlineData("Disallow:   ")]
    [InlineData("Disallow: # nothing")]
    [InlineData("Disallow: $")]
    public void An_empty_disallow_allows_everything(string line) =>
        RobotsTxt.Parse($"User-agent: *\n{line}\n").For("Bot").IsAllowed("/any/path").ShouldBeTrue();

    [Fact]
    public void A_group_without_rules_allows_everything_and_does_not_fall_back_to_star()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /\n\nUser-agent: MyBot\n");

        robots.For("MyBot/1.0").IsAllowed("/x").ShouldBeTrue();
        robots.For("Other").IsAllowed("/x").ShouldBeFalse();
    }

    [Theory]
    [InlineData("MyBot/1.0 (+https://example.com/bot)")]
    [InlineData("mybot")]
    [InlineData("MYBOT/2")]
    [InlineData("  MyBot  ")]
    [InlineData("MyBot Extra")]
    public void The_product_token_of_the_user_agent_picks_the_group(string userAgent) =>
        RobotsTxt.Parse("User-agent: *\nAllow: /\n\nUser-agent: MyBot\nDisallow: /private\n").For(userAgent).IsAllowed("/private").ShouldBeFalse();

    [Theory]
    [InlineData("MyBotExtra")]
    [InlineData("My")]
    [InlineData("Mozilla/5.0 (compatible; MyBot/1.0)")]
    [InlineData("")]
    [InlineData("(MyBot)")]
    public void A_token_that_is_not_exactly_the_group_name_gets_the_star_group(string userAgent) =>
        RobotsTxt.Parse("User-agent: *\nDisallow: /star\n\nUser-agent: MyBot\nDisallow: /private\n").For(userAgent).IsAllowed("/star").ShouldBeFalse();

    [Theory]
    [InlineData("User-agent: MyBot/1.0")]
    [InlineData("user-agent:MyBot")]
    [InlineData("USERAGENT: mybot")]
    [InlineData("useragent MyBot")]
    [InlineData("User agent: MyBot")]
    [InlineData("   User-agent: MyBot   # our crawler")]
    [InlineData("\tUser-Agent :\tMyBot")]
    public void User_agent_lines_are_read_leniently(string line) =>
        RobotsTxt.Parse($"{line}\nDisallow: /private\n").For("MyBot").IsAllowed("/private").ShouldBeFalse();

    [Theory]
    [InlineData("Crawl-delay: 2.5", 2.5)]
    [InlineData("crawl-delay: 10", 10)]
    [InlineData("Crawl-Delay:0", 0)]
    [InlineData("crawldelay: .5", 0.5)]
    [InlineData("Crawl-delay: 3 # seconds", 3)]
    public void Crawl_delay_is_read_in_seconds(string line, double seconds) =>
        RobotsTxt.Parse($"User-agent: *\n{line}\nDisallow: /x\n").For("Bot").CrawlDelay.ShouldBe(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("Crawl-delay:")]
    [InlineData("Crawl-delay: -1")]
    [InlineData("Crawl-delay: soon")]
    [InlineData("Crawl-delay: 2,5")]
    [InlineData("Crawl-delay: NaN")]
    [InlineData("Crawl-delay: Infinity")]
    [InlineData("Crawl-delay: 1e3")]
    [InlineData("Crawl-delay: .")]
    [InlineData("Crawl-delay: 1.2.3")]
    [InlineData("Crawl-delay: +2")]
    public void A_bad_crawl_delay_is_ignored(string line) =>
        RobotsTxt.Parse($"User-agent: *\n{line}\n").For("Bot").CrawlDelay.ShouldBeNull();

    [Fact]
    public void A_huge_crawl_delay_saturates() =>
        RobotsTxt.Parse($"User-agent: *\nCrawl-delay: {new string('9', 400)}\n").For("Bot").CrawlDelay.ShouldBe(TimeSpan.MaxValue);

    [Fact]
    public void Crawl_delay_belongs_to_its_group_and_merged_groups_keep_the_longest()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Crawl-delay: 1

            User-agent: SlowBot
            Crawl-delay: 5

            User-agent: FastBot
            Disallow: /x

            User-agent: SlowBot
            Crawl-delay: 7
            """);

        robots.For("SlowBot").CrawlDelay.ShouldBe(TimeSpan.FromSeconds(7));
        robots.For("FastBot").CrawlDelay.ShouldBeNull();
        robots.For("Other").CrawlDelay.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Crawl_delay_outside_a_group_is_ignored() =>
        RobotsTxt.Parse("Crawl-delay: 4\nUser-agent: *\nDisallow: /x\n").For("Bot").CrawlDelay.ShouldBeNull();

    [Theory]
    [InlineData("Disallow: private/", "/private/x", false)]
    [InlineData("Disallow: *private", "/a/private", false)]
    [InlineData("Disallow: /a**b", "/a/x/b", false)]
    [InlineData("Disallow: /*", "/", false)]
    [InlineData("Disallow: *", "/anything", false)]
    [InlineData("Disallow: /a$$", "/a$", false)]
    [InlineData("Disallow: /a$$", "/a", true)]
    [InlineData("Disallow: /a*$", "/a/b", false)]
    [InlineData("Disallow: /a*b$", "/a/b/c", true)]
    [InlineData("Disallow: /a*b*c$", "/axbxbxc", false)]
    [InlineData("Disallow: /a*bc$", "/abcbc", false)]
    [InlineData("Disallow: /a*ab", "/ab", true)]
    [InlineData("Disallow: /a b", "/a%20b", false)]
    [InlineData("Disallow: /A", "/a", true)]
    public void Patterns(string line, string path, bool allowed) =>
        RobotsTxt.Parse($"User-agent: *\n{line}\n").For("Bot").IsAllowed(path).ShouldBe(allowed);

    [Theory]
    [InlineData("/private")]
    [InlineData("private")]
    [InlineData("")]
    public void A_path_without_a_leading_slash_is_read_from_the_root(string path) =>
        RobotsTxt.Parse("User-agent: *\nDisallow: /\n").For("Bot").IsAllowed(path).ShouldBeFalse();

    [Fact]
    public void Only_the_first_500_KiB_are_parsed_and_a_cut_line_is_dropped()
    {
        var builder = new StringBuilder("User-agent: *\nDisallow: /early\n");
        while (builder.Length < RobotsTxt.ParseLimit - 20)
        {
            builder.Append("# filler filler filler filler filler\n");
        }

        // This line straddles the limit: its cut "Allow: /late" prefix must not widen what is allowed.
        builder.Append("Allow: /early/but-not-this-one-because-the-line-is-cut\n");
        builder.Append("Disallow: /late\n");
        var robots = RobotsTxt.Parse(builder.ToString()).For("Bot");

        robots.IsAllowed("/early/but-not").ShouldBeFalse();
        robots.IsAllowed("/late").ShouldBeTrue();
    }

    [Fact]
    public void A_rule_ending_exactly_at_the_limit_is_kept()
    {
        var head = "User-agent: *\n";
        var rule = "Disallow: /edge";
        var filler = new string('#', RobotsTxt.ParseLimit - head.Length - rule.Length - 1) + "\n";
        var content = head + filler + rule + "\nDisallow: /beyond\n";

        var robots = RobotsTxt.Parse(content).For("Bot");

        robots.IsAllowed("/edge").ShouldBeFalse();
        robots.IsAllowed("/beyond").ShouldBeTrue();
    }

    [Fact]
    public void A_huge_file_of_rules_parses_and_matches()
    {
        var builder = new StringBuilder("User-agent: *\n");
        for (var i = 0; builder.Length < 4 * RobotsTxt.ParseLimit; i++)
        {
            builder.Append("Disallow: /dir").Append(i).Append("/*.pdf$\n");
        }

        var robots = RobotsTxt.Parse(builder.ToString()).For("Bot");

        robots.Rules.Count.ShouldBeGreaterThan(10_000);
        robots.IsAllowed("/dir7/a.pdf").ShouldBeFalse();
        robots.IsAllowed("/dir7/a.html").ShouldBeTrue();
    }

    [Fact]
    public void Binary_garbage_never_throws_and_keeps_the_readable_lines()
    {
        var random = new Random(9309);
        for (var round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(0, 2000)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)random.Next(0, 0x10000);
            }

            var garbage = new string(chars);
            var robots = RobotsTxt.Parse(garbage + "\nUser-agent: *\nDisallow: /secret\n");

            robots.For("Bot").IsAllowed("/secret").ShouldBeFalse();
            _ = robots.For(garbage).IsAllowed(garbage);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("# only a comment")]
    [InlineData("Sitemap: http://example.com/sitemap.xml")]
    [InlineData("Disallow: /\nAllow: /x")]
    [InlineData("User-agent:\nDisallow: /")]
    [InlineData("User-agent: ツ\nDisallow: /")]
    [InlineData("<!DOCTYPE html><html><body>Not found</body></html>")]
    public void Files_without_applicable_rules_allow_everything(string content) =>
        RobotsTxt.Parse(content).For("Bot").IsAllowed("/x").ShouldBeTrue();

    [Fact]
    public void Rules_are_compiled_and_ordered_most_specific_first()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*?*sessionid=\nAllow: /*.css$\n").For("Bot");

        robots.Rules.Select(r => r.ToString()).ShouldBe(["Disallow: /*?*sessionid=", "Allow: /*.css$"]);
        robots.IsAllowed("/a?x=1&sessionid=2").ShouldBeFalse();
        robots.IsAllowed("/a.css").ShouldBeTrue();
    }

    private static bool Disallowed(string pattern, string path) =>
        !RobotsTxt.Parse($"User-agent: *\nDisallow: {pattern}\n").For("Bot").IsAllowed(path);
}
