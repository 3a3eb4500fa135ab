using System.Text.Json.Serialization;

namespace DeclarativeScrape.Generators.Tests.Scrapers;

// Counts, text shaping and the output rules: what is written, under which name.

[Scraper(StartUrl = "http://127.0.0.1:5080/manual/index.html", StartPage = typeof(ManualPage))]
public static partial class ManualScraper;

[Page, Item]
public partial record ManualPage
{
    [Text("title"), Split("|", 0)] public required string Title { get; init; }

    [Text("h1"), Trim("¶#")] public string? Heading { get; init; }

    [Count("h1, h2, h3, h4, h5, h6")] public int Headings { get; init; }

    [Count("table")] public long Tables { get; init; }

    [Count(":scope")] public int Self { get; init; }

    [Text("nav.crumbs"), Split("›", -1)] public string? Section { get; init; }

    [Text("p.lead"), Split(" ", 0, Count = 3)] public string? Lead { get; init; }

    [Text("p.lead"), Split(" ", -2, Count = 5)] public string? LastWords { get; init; }

    [Text("span.by"), Replace("By ", ""), Replace("&", "and")] public string? Author { get; init; }

    [Text("span.pages"), Replace(",", ""), Match(@"(\d+) pages")] public int? Pages { get; init; }

    [Text("h2"), Trim("¶")] public IReadOnlyList<string> Sections { get; init; } = [];

    [Attr("a.edit", "href"), Trim("/")] public string? EditPath { get; init; }

    [Text("nav.crumbs"), Split("›", 5)] public string? Missing { get; init; }

    [Text("p.version"), JsonPropertyName("release")] public string? Version { get; init; }

    [Text("p.secret"), JsonIgnore] public string? Secret { get; init; }

    [Follow("a.next")] public Link<ManualPage>? Next { get; init; }

    [Follow("a.up"), JsonInclude] public Link<ManualPage>? Up { get; init; }

    [Follow("a.related"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public IReadOnlyList<Link<ManualPage>> Related { get; init; } = [];

    /// <summary>Computed: written like an extracted value.</summary>
    public bool HasTables => Tables > 0;

    /// <summary>Computed and renamed.</summary>
    [JsonPropertyName("sectionCount")] public int SectionsCount => Sections.Count;

    /// <summary>Computed, but left out.</summary>
    [JsonIgnore] public string Debug => Title + "!";

    /// <summary>Computed list of words.</summary>
    public string[] TitleWords => Title.Split(' ');

    /// <summary>Not public: never written.</summary>
    internal string Hidden => "hidden";

    /// <summary>Static: never written.</summary>
    public static string Kind => "manual";
}
