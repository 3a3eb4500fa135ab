namespace DeclarativeScrape.Generators.Tests.Scrapers;

// A scraper whose pages read attributes in every way the generator recognises: selectors (#id, .class,
// [attribute]), [Attr] and [Follow] attribute names, a nested [Items] type, and a pseudo-class that depends on
// attributes it does not name (:checked), which makes its page keep every attribute.
[Scraper(StartUrl = "http://127.0.0.1:5080/forum", StartPage = typeof(ForumPage))]
public static partial class ForumScraper;

[Page, Item]
public partial class ForumPage
{
    [Text("#title")] public string Title { get; init; } = "";

    [Follow("a[rel~=next]")] public Link<ForumPage>? Next { get; init; }

    [Follow("a.settings", Attribute = "data-href")] public Link<SettingsPage>? Settings { get; init; }

    [Items("div.post")] public IReadOnlyList<ForumPost> Posts { get; init; } = [];
}

[Item]
public partial class ForumPost
{
    [Attr("time", "DateTime")] public string? Posted { get; init; }

    [Text("p:not([hidden])")] public string Body { get; init; } = "";
}

[Page]
public partial class SettingsPage
{
    [Text("input:checked + label")] public string? Choice { get; init; }
}
