namespace DeclarativeScrape.Samples.Expected
{
    /// <summary>The kinds of JSON value.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        Boolean,
        Null,
    }
}
