namespace DeclarativeScrape.Examples.Worker;

/// <summary>A page of the catalogue: its books, and the next page.</summary>
[Page]
public partial class CataloguePage
{
    [Follow("li.next a")] public Link<CataloguePage>? Next { get; init; }

    [Follow("article.product_pod h3 a")] public IReadOnlyList<Link<Book>> Books { get; init; } = [];
}
