namespace DeclarativeScrape.Generators.Model
{
    /// <summary>The kind of one extracted value: it decides the conversion and how the value is written.</summary>
    internal enum ValueKind
    {
        String,
        Int32,
        Int64,
        Decimal,
        Double,
        Boolean,
        DateTime,
        DateTimeOffset,
        Uri,
        Enum,
        Link,
        Item,

        /// <summary>A type only a <c>[Convert]</c> method produces; written with its invariant text.</summary>
        Other,
    }
}
