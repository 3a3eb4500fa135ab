using System;

namespace DeclarativeScrape.Samples.Files
{
    /// <summary>
    /// A sample page's file, the <c>Content-Type</c> its expected-values file says it came with, and the encoding a
    /// scraper's <c>[PageEncoding]</c> forces on it: what decoding it needs.
    /// </summary>
    internal sealed class SampleSource : IEquatable<SampleSource>
    {
        public SampleSource(SampleText file, string? contentType, string? encoding = null)
        {
            File = file;
            ContentType = contentType;
            Encoding = encoding;
        }

        public SampleText File { get; }

        public string? ContentType { get; }

        /// <summary>The <c>[PageEncoding]</c> label it is decoded with, or <see langword="null"/> to decode it as its labels say.</summary>
        public string? Encoding { get; }

        /// <summary>This source, decoded with <paramref name="encoding"/>.</summary>
        public SampleSource WithEncoding(string? encoding) => new(File, ContentType, encoding);

        public bool Equals(SampleSource? other) => other is not null && File.Equals(other.File) && ContentType == other.ContentType && Encoding == other.Encoding;

        public override bool Equals(object? obj) => Equals(obj as SampleSource);

        public override int GetHashCode() => File.GetHashCode();
    }
}
