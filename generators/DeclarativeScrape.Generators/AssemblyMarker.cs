namespace DeclarativeScrape.Generators
{
    /// <summary>A type to find the generator assembly by, in tests.</summary>
    internal static class AssemblyMarker
    {
    }
}
