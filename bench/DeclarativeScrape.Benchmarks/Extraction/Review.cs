namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>One review on a <see cref="BookPage"/> (<c>#reviews article</c>); selectors are relative to the article.</summary>
[Item]
public partial record Review
{
    /// <summary>The reviewer.</summary>
    [Text("span.author")]
    public required string Author { get; init; }

    /// <summary>The date, from the ISO <c>datetime</c> attribute of <c>time</c>.</summary>
    [Attr("time", "datetime"), Format("yyyy-MM-dd")]
    public DateTime Date { get; init; }

    /// <summary>The reviewer's rating.</summary>
    [Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")]
    public Rating Rating { get; init; }

    /// <summary>The text, whitespace collapsed.</summary>
    [Text("div.review-text")]
    public required string Text { get; init; }
}
