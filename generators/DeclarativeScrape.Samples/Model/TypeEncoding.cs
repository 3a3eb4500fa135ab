namespace DeclarativeScrape.Samples.Model
{
    /// <summary>A page type whose pages a scraper decodes with its <c>[PageEncoding]</c>, and the label.</summary>
    /// <param name="Type">The page type's full name.</param>
    /// <param name="Label">The encoding label.</param>
    internal sealed record TypeEncoding(string Type, string Label);
}
