namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A <c>[FollowLinks]</c> on a page type: every link its selector finds, to a page type, without a property.</summary>
    /// <param name="Selector">The CSS selector of the link elements.</param>
    /// <param name="AttributeName">The attribute holding the URL.</param>
    /// <param name="TargetTypeName">The <c>global::</c> name of the page type the links lead to.</param>
    /// <param name="Rules">Its include and exclude patterns, if any.</param>
    internal sealed record FollowLinksModel(SelectorModel Selector, string AttributeName, string TargetTypeName, LinkRulesModel? Rules)
    {
        /// <summary>The properties of the declaring type whose values its links carry (<c>Carry</c>).</summary>
        public EquatableArray<string> Carry { get; init; } = EquatableArray<string>.Empty;
    }
}
