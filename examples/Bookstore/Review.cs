namespace DeclarativeScrape.Examples.Bookstore;

/// <summary>A customer review: a nested item, its selectors relative to each matched <c>&lt;article&gt;</c>.</summary>
[Item]
public partial record Review
{
    /// <summary>The review's heading.</summary>
    [Text("h3")] public required string Title { get; init; }

    /// <summary>The reviewer's name.</summary>
    [Text(".author")] public required string Author { get; init; }

    /// <summary>The day it was written, from the machine-readable <c>datetime</c> attribute.</summary>
    [Attr("time", "datetime")] public DateTime Date { get; init; }

    /// <summary>The reviewer's rating.</summary>
    [Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")] public Rating Rating { get; init; }

    /// <summary>The text, its whitespace collapsed.</summary>
    [Text(".review-text")] public required string Text { get; init; }
}
