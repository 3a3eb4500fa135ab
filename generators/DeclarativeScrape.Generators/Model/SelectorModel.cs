namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A property's CSS selector and the facts the emitter needs of it, read once (<c>Selectors.SelectorReader</c>).</summary>
    /// <param name="Text">The selector as written.</param>
    /// <param name="IsScope">
    /// Whether it is exactly <c>:scope</c>: the property reads the scope element itself and takes no place in its type's
    /// <c>SelectorSet</c>.
    /// </param>
    /// <param name="Attributes">The HTML attributes it tests (<c>class</c>, <c>id</c>, <c>[name]</c>), lower case, ordinal order.</param>
    /// <param name="ReadsAnyAttribute">Whether its match may depend on attributes it does not name (<c>:checked</c>, <c>:lang()</c>…).</param>
    internal sealed record SelectorModel(string Text, bool IsScope, EquatableArray<string> Attributes, bool ReadsAnyAttribute);
}
