using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// What parsing one attributed type produced: the model (or <see langword="null"/> when an error stops generation)
    /// and the diagnostics, which keep their real source locations so that <c>#pragma</c> suppresses them. The
    /// generator registers source only from <see cref="Model"/>.
    /// </summary>
    /// <typeparam name="TModel">The model record.</typeparam>
    /// <param name="Model">The finished model, or <see langword="null"/>.</param>
    /// <param name="Diagnostics">The diagnostics found while parsing.</param>
    /// <param name="Anchor">Where diagnostics found after every type is known (a scraper with no item type) point.</param>
    internal sealed record ParseResult<TModel>(TModel? Model, EquatableArray<Diagnostic> Diagnostics, Location? Anchor)
        where TModel : class
    {
        public static readonly ParseResult<TModel> Nothing = new ParseResult<TModel>(null, EquatableArray<Diagnostic>.Empty, null);
    }
}
