using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Samples.Model
{
    /// <summary>One <c>[Sample]</c> attribute.</summary>
    /// <param name="Path">The path as written (relative to the project directory).</param>
    /// <param name="Url">The <c>Url</c> given, or <see langword="null"/>.</param>
    /// <param name="DeclaringFile">The source file of the attribute, whose directory a relative path falls back to.</param>
    /// <param name="PathLocation">The path argument.</param>
    /// <param name="UrlLocation">The <c>Url</c> argument, or the attribute.</param>
    internal sealed record SampleSpec(string Path, string? Url, string DeclaringFile, Location PathLocation, Location UrlLocation);
}
