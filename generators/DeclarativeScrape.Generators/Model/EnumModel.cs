namespace DeclarativeScrape.Generators.Model
{
    /// <summary>An enum type a property converts to, for the generated name switches.</summary>
    /// <param name="TypeName">Its <c>global::</c> name.</param>
    /// <param name="DisplayName">Its simple name, for messages.</param>
    /// <param name="UnderlyingTypeName">Its underlying integer type's <c>global::</c> name.</param>
    /// <param name="Members">Its members in declaration order; aliases (a value already named) are left out.</param>
    internal sealed record EnumModel(
        string TypeName,
        string DisplayName,
        string UnderlyingTypeName,
        EquatableArray<string> Members);
}
