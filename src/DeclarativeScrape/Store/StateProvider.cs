namespace DeclarativeScrape;

/// <summary>
/// A kind of database a crawl's state can be kept in and shared by many worker processes
/// (<see cref="ScrapeOptions.StateDatabase"/>). The packages that provide one hand it out — for PostgreSQL,
/// <c>DeclarativeScrape.PostgreSql</c>'s <c>options.UsePostgreSql()</c> — and <see cref="ScrapeOptions.StateProviders"/>
/// lists the ones a run may use. The core itself depends on no database client.
/// </summary>
public sealed class StateProvider
{
    internal StateProvider(IStateProvider implementation) => Implementation = implementation;

    /// <summary>The database's name (<c>PostgreSQL</c>).</summary>
    public string Name => Implementation.Name;

    internal IStateProvider Implementation { get; }

    /// <summary>Whether <paramref name="uri"/> names a database of this kind (by its scheme).</summary>
    /// <param name="uri">A <see cref="ScrapeOptions.StateDatabase"/> value.</param>
    /// <returns><see langword="true"/> when this provider opens it.</returns>
    public bool Accepts(string uri) => uri is not null && Implementation.Accepts(uri);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
