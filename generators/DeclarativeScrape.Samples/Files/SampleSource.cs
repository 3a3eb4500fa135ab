using System;

namespace DeclarativeScrape.Samples.Files
{
    /// <summary>A sample page's file and the <c>Content-Type</c> its expected-values file says it came with: what decoding it needs.</summary>
    internal sealed class SampleSource : IEquatable<SampleSource>
    {
        public SampleSource(SampleText file, string? contentType)
        {
            File = file;
            ContentType = contentType;
        }

        public SampleText File { get; }

        public string? ContentType { get; }

        public bool Equals(SampleSource? other) => other is not null && File.Equals(other.File) && ContentType == other.ContentType;

        public override bool Equals(object? obj) => Equals(obj as SampleSource);

        public override int GetHashCode() => File.GetHashCode();
    }
}
