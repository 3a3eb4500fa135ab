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
    }
}
