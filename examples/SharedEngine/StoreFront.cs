namespace DeclarativeScrape.Examples.SharedEngine;

/// <summary>The shop's home page: a list of its categories.</summary>
[Page]
public partial class StoreFront
{
    /// <summary>The first listing page of every category.</summary>
    [Follow("ul.categories a")] public IReadOnlyList<Link<CategoryPage>> Categories { get; init; } = [];
}
