namespace DeclarativeScrape.Samples.Extraction
{
    /// <summary>The kinds of <see cref="SampleValue"/>.</summary>
    internal enum SampleValueKind
    {
        Null,
        Scalar,
        Unchecked,
        List,
        Object,
    }
}
