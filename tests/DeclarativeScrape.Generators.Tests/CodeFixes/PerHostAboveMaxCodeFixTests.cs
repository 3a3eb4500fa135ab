using DeclarativeScrape.CodeFixes;

namespace DeclarativeScrape.Generators.Tests.CodeFixes;

/// <summary>DS0010's fix for <c>PerHost</c> above <c>Max</c>: lower <c>PerHost</c>, or raise <c>Max</c>.</summary>
public sealed class PerHostAboveMaxCodeFixTests
{
    private static string Scraper(string concurrency) => """
        using DeclarativeScrape;

        [Page, Item]
        public partial record Book
        {
            [Text("h1")] public string? Title { get; init; }
        }

        [Scraper(StartUrl = "https://books.example/", StartPage = typeof(Book))]
        """ + concurrency + """

        public static partial class S;
        """;

    [Theory]
    [InlineData("[Concurrency(Max = 8, PerHost = {|DS0010:12|})]", "[Concurrency(Max = 8, PerHost = 8)]", 0)]
    [InlineData("[Concurrency(Max = 8, PerHost = {|DS0010:12|})]", "[Concurrency(Max = 12, PerHost = 12)]", 1)]
    [InlineData("[Concurrency(PerHost = {|DS0010:20|})]", "[Concurrency(PerHost = 16)]", 0)]
    [InlineData("[Concurrency(PerHost = {|DS0010:20|})]", "[Concurrency(Max = 20, PerHost = 20)]", 1)]
    public async Task PerHost_is_lowered_to_Max_or_Max_raised_to_PerHost(string before, string after, int action) =>
        await new GeneratorCodeFixTest<PerHostAboveMaxCodeFix>(Scraper(before), Scraper(after)) { CodeActionIndex = action }.RunAsync();
}
