namespace DeclarativeScrape.Generators.Model
{
    /// <summary>The extraction attribute of a property.</summary>
    internal enum SourceKind
    {
        Text,
        Attr,
        Html,
        OuterHtml,
        PageUrl,
        Items,
        Follow,

        /// <summary><c>[Count]</c>: the number of matches.</summary>
        Count,

        /// <summary><c>[Carried]</c>: the value the link to the page carried from the linking page.</summary>
        Carried,

        /// <summary>A property without an extraction attribute on an item: not extracted, only written (<c>[JsonIgnore]</c> leaves it out).</summary>
        Computed,
    }
}
