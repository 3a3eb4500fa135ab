using System;

namespace DeclarativeScrape.Samples.Files
{
    /// <summary>
    /// One sample file as the compiler holds it: its full path, a checksum of its content, and its bytes (a page) or its
    /// text (an expected-values file). Equal when path and checksum are, so the pipeline reads each content once.
    /// </summary>
    internal sealed class SampleText : IEquatable<SampleText>
    {
        public SampleText(string path, string checksum, byte[]? bytes, string? text)
        {
            Path = path;
            Checksum = checksum;
            Bytes = bytes;
            Text = text;
        }

        /// <summary>The normalised full path (forward slashes).</summary>
        public string Path { get; }

        public string Checksum { get; }

        /// <summary>A page's bytes as they are on disk; <see langword="null"/> for an expected-values file.</summary>
        public byte[]? Bytes { get; }

        /// <summary>An expected-values file's text; <see langword="null"/> for a page.</summary>
        public string? Text { get; }

        public bool IsPage => Bytes is not null;

        public bool Equals(SampleText? other) => other is not null && Path == other.Path && Checksum == other.Checksum;

        public override bool Equals(object? obj) => Equals(obj as SampleText);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path) ^ StringComparer.Ordinal.GetHashCode(Checksum);
    }
}
