namespace DeclarativeScrape.DemoSites;

/// <summary>Options of <see cref="ScriptShopSite"/>.</summary>
public sealed class ScriptShopSiteOptions : DemoSiteOptions
{
    /// <summary>The default of <see cref="ProductCount"/>.</summary>
    public const int DefaultProductCount = 100;

    /// <summary>The default of <see cref="ScriptOnlyEvery"/>.</summary>
    public const int DefaultScriptOnlyEvery = 10;

    /// <summary>Products in the shop (1 to 100,000), 20 per listing page.</summary>
    public int ProductCount { get; set; } = DefaultProductCount;

    /// <summary>Every n-th product (ids n, 2n, …) builds its title, price and SKU with script from <c>fetch()</c>; 0 for none.</summary>
    public int ScriptOnlyEvery { get; set; } = DefaultScriptOnlyEvery;

    /// <summary>The seed of the generated titles and prices.</summary>
    public int Seed { get; set; } = 11;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (ProductCount is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(ProductCount), ProductCount, $"{nameof(ScriptShopSiteOptions)}.{nameof(ProductCount)} must be 1 to 100,000.");
        }

        if (ScriptOnlyEvery < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ScriptOnlyEvery), ScriptOnlyEvery, $"{nameof(ScriptShopSiteOptions)}.{nameof(ScriptOnlyEvery)} must not be negative.");
        }
    }
}
