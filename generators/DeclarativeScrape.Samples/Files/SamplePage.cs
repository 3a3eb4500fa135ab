using System;
using AngleSharp.Dom;

namespace DeclarativeScrape.Samples.Files
{
    /// <summary>
    /// A sample page decoded and parsed once, as the crawl would parse it (<see cref="SampleDecoding"/>, then
    /// <see cref="ExtractionDocument.ParseHtml"/>): every check of every type that names it reads this one document.
    /// Equal when the file, the <c>Content-Type</c> and the <c>[PageEncoding]</c> it is decoded with are.
    /// </summary>
    /// <remarks>
    /// The document is only ever read (selectors, text, attributes), never changed, so the checks that share it across
    /// generator runs do not disturb each other.
    /// </remarks>
    internal sealed class SamplePage : IEquatable<SamplePage>
    {
        private SamplePage(SampleText file, string? contentType, string? encoding, IDocument document)
        {
            File = file;
            ContentType = contentType;
            Encoding = encoding;
            Document = document;
        }

        public SampleText File { get; }

        public string? ContentType { get; }

        /// <summary>The <c>[PageEncoding]</c> label it was decoded with, or <see langword="null"/>.</summary>
        public string? Encoding { get; }

        public IDocument Document { get; }

        public string Path => File.Path;

        public static SamplePage Parse(SampleSource source) =>
            new(source.File, source.ContentType, source.Encoding, ExtractionDocument.ParseHtml(SampleDecoding.Decode(source.File.Bytes!, source.ContentType, source.Encoding)));

        public bool Equals(SamplePage? other) => other is not null && File.Equals(other.File) && ContentType == other.ContentType && Encoding == other.Encoding;

        public override bool Equals(object? obj) => Equals(obj as SamplePage);

        public override int GetHashCode() => File.GetHashCode();
    }
}
