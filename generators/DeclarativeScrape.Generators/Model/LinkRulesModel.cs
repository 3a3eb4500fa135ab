namespace DeclarativeScrape.Generators.Model
{
    /// <summary>The <c>Include</c> and <c>Exclude</c> URL patterns of a <c>[Follow]</c>, <c>[FollowLinks]</c> or <c>[Scope]</c>.</summary>
    /// <param name="Include">Patterns a followed URL matches one of; empty for all.</param>
    /// <param name="Exclude">Patterns a followed URL matches none of.</param>
    internal sealed record LinkRulesModel(EquatableArray<string> Include, EquatableArray<string> Exclude);
}
