namespace DeclarativeScrape.DemoSites;

/// <summary>A heading of a <see cref="DocPage"/>.</summary>
/// <param name="Level">2 or 3.</param>
/// <param name="Id">Its <c>id</c>, unique in the page.</param>
/// <param name="Text">Its text, entities decoded.</param>
public sealed record DocHeading(int Level, string Id, string Text);
