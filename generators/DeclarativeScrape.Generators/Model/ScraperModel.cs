namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A <c>[Scraper]</c> class: see <see cref="ExtractableTypeModel"/> for the model contract.</summary>
    /// <param name="Type">Where the class is declared.</param>
    /// <param name="StartPage">The start page type's <c>global::</c> name.</param>
    /// <param name="Options">The option values its attributes set.</param>
    internal sealed record ScraperModel(TypeDeclarationModel Type, string StartPage, ScraperOptionsModel Options);
}
