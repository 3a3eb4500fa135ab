using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Samples.Model
{
    /// <summary>Where a property's sample diagnostics point: its selector argument (or its attribute when it has none).</summary>
    /// <param name="Property">The property name.</param>
    /// <param name="Location">The location in source.</param>
    internal sealed record PropertyAnchor(string Property, Location Location);
}
