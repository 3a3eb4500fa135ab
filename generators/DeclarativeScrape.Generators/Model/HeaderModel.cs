namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A <c>[Header]</c>.</summary>
    /// <param name="Name">The header name.</param>
    /// <param name="Value">The header value.</param>
    internal sealed record HeaderModel(string Name, string Value);
}
