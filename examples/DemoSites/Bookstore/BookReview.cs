namespace DeclarativeScrape.DemoSites;

/// <summary>The ground truth of one review on a book's page (<c>#reviews article</c>).</summary>
/// <param name="Title">The review's heading (<c>h3</c>).</param>
/// <param name="Author">The reviewer (<c>.author</c>); some names are not ASCII.</param>
/// <param name="Date">The date (<c>time</c>, its <c>datetime</c> attribute in ISO form, its text like <c>5 April 2023</c>).</param>
/// <param name="Rating">The rating word, <c>One</c> to <c>Five</c> (<c>p.star-rating</c>).</param>
/// <param name="Text">The text (<c>.review-text</c>), entities decoded and whitespace collapsed.</param>
public sealed record BookReview(string Title, string Author, DateOnly Date, string Rating, string Text);
