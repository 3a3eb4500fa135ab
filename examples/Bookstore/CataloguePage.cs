namespace DeclarativeScrape.Examples.Bookstore;

/// <summary>
/// The all-books listing, where the crawl comes in. It names no category, so its own book links are not followed: a
/// book is reached from its category's listing, which carries the category to it. From here the crawl enters the first
/// category of the sidebar; the sidebar of every category listing leads to all the others. (Following all of them from
/// here as well would queue the same pages, but a small <c>--max-pages</c> would then go on categories before any book.)
/// </summary>
[Page]
public partial class CataloguePage
{
    /// <summary>The first category of the sidebar.</summary>
    [Follow("div.side_categories ul ul li:first-child a")] public Link<CategoryPage>? FirstCategory { get; init; }
}
