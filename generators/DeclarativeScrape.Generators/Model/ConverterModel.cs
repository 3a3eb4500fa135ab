namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A <c>[Convert]</c> method.</summary>
    /// <param name="TypeName">The declaring type's <c>global::</c> name.</param>
    /// <param name="MethodName">The method name.</param>
    /// <param name="DisplayName">For messages, for example <c>Units.ParseGrams</c>.</param>
    /// <param name="IsTryPattern">Whether its shape is <c>static bool M(string, out T)</c> (else <c>static T M(string)</c>).</param>
    internal sealed record ConverterModel(string TypeName, string MethodName, string DisplayName, bool IsTryPattern);
}
