using DeclarativeScrape.CodeFixes;

namespace DeclarativeScrape.Generators.Tests.CodeFixes;

/// <summary>DS0009's fix: a relative start URL is made absolute on the scraper's allowed host, one fix per host.</summary>
public sealed class AbsoluteStartUrlCodeFixTests
{
    private static string Scraper(string attributes) => """
        using DeclarativeScrape;

        [Page, Item]
        public partial record Book
        {
            [Text("h1")] public string? Title { get; init; }
        }

        """ + attributes + """

        public static partial class S;

        public static class Paths
        {
            public const string Catalogue = "/catalogue/";
        }
        """;

    [Theory]
    [InlineData("""[AllowedHosts("books.example")]""", "/catalogue/page-1.html", "https://books.example/catalogue/page-1.html")]
    [InlineData("""[AllowedHosts("books.example")]""", "catalogue/page-1.html?sort=asc", "https://books.example/catalogue/page-1.html?sort=asc")]
    // *.books.example includes books.example itself.
    [InlineData("""[AllowedHosts("*.books.example")]""", "/catalogue/", "https://books.example/catalogue/")]
    [InlineData("""[AllowedHosts("books.example:8443")]""", "/catalogue/", "https://books.example:8443/catalogue/")]
    // A loopback site has no certificate: http.
    [InlineData("""[AllowedHosts("127.0.0.1:5080")]""", "/catalogue/", "http://127.0.0.1:5080/catalogue/")]
    [InlineData("""[AllowedHosts("::1")]""", "/", "http://[::1]/")]
    // The host is there, only the scheme is missing: not https://books.example/books.example/catalogue/.
    [InlineData("""[AllowedHosts("books.example")]""", "books.example/catalogue/", "https://books.example/catalogue/")]
    [InlineData("""[AllowedHosts("*.books.example")]""", "www.books.example/catalogue/", "https://www.books.example/catalogue/")]
    public async Task A_relative_start_url_is_made_absolute_on_the_allowed_host(string hosts, string before, string after) =>
        await new GeneratorCodeFixTest<AbsoluteStartUrlCodeFix>(
            Scraper("[Scraper(StartUrl = {|DS0009:\"" + before + "\"|}, StartPage = typeof(Book))]\n" + hosts),
            Scraper("[Scraper(StartUrl = \"" + after + "\", StartPage = typeof(Book))]\n" + hosts)).RunAsync();

    [Theory]
    [InlineData(0, "https://books.example/catalogue/")]
    [InlineData(1, "https://shop.example/catalogue/")]
    public async Task Several_allowed_hosts_give_one_fix_per_host(int action, string after)
    {
        const string hosts = """[AllowedHosts("books.example", "shop.example")]""";
        await new GeneratorCodeFixTest<AbsoluteStartUrlCodeFix>(
            Scraper("[Scraper(StartUrl = {|DS0009:\"/catalogue/\"|}, StartPage = typeof(Book))]\n" + hosts),
            Scraper("[Scraper(StartUrl = \"" + after + "\", StartPage = typeof(Book))]\n" + hosts))
        {
            CodeActionIndex = action,
            CodeActionEquivalenceKey = nameof(AbsoluteStartUrlCodeFix) + "." + action,
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_all_makes_every_relative_start_url_absolute()
    {
        const string hosts = """[AllowedHosts("books.example")]""";
        await new GeneratorCodeFixTest<AbsoluteStartUrlCodeFix>(
            Scraper("""[Scraper(StartUrls = new[] { "https://books.example/", {|DS0009:"/catalogue/"|}, {|DS0009:"/new/"|} }, StartPage = typeof(Book))]""" + "\n" + hosts),
            Scraper("""[Scraper(StartUrls = new[] { "https://books.example/", "https://books.example/catalogue/", "https://books.example/new/" }, StartPage = typeof(Book))]""" + "\n" + hosts)).RunAsync();
    }

    [Theory]
    // No allowed host: which site is meant is not written anywhere.
    [InlineData("""[Scraper(StartUrl = {|DS0009:"/catalogue/"|}, StartPage = typeof(Book))]""")]
    // A URL of another scheme, empty, protocol-relative or with spaces is not a relative path to complete.
    [InlineData("""[Scraper(StartUrl = {|DS0009:"ftp://books.example/"|}, StartPage = typeof(Book))] [AllowedHosts("books.example")]""")]
    [InlineData("""[Scraper(StartUrl = {|DS0009:"mailto:shop@books.example"|}, StartPage = typeof(Book))] [AllowedHosts("books.example")]""")]
    [InlineData("""[Scraper(StartUrl = {|DS0009:""|}, StartPage = typeof(Book))] [AllowedHosts("books.example")]""")]
    [InlineData("""[Scraper(StartUrl = {|DS0009:"//books.example/catalogue/"|}, StartPage = typeof(Book))] [AllowedHosts("books.example")]""")]
    [InlineData("""[Scraper(StartUrl = {|DS0009:" https://books.example/ "|}, StartPage = typeof(Book))] [AllowedHosts("books.example")]""")]
    // A constant defined elsewhere is the author's to change, not the attribute's.
    [InlineData("""[Scraper(StartUrl = {|DS0009:Paths.Catalogue|}, StartPage = typeof(Book))] [AllowedHosts("books.example")]""")]
    public async Task No_fix_when_there_is_no_host_or_no_relative_url(string attributes)
    {
        var source = Scraper(attributes);
        await new GeneratorCodeFixTest<AbsoluteStartUrlCodeFix>(source, source).RunAsync();
    }
}
