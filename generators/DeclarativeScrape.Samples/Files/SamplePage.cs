using System;
using AngleSharp.Dom;

namespace DeclarativeScrape.Samples.Files
{
    /// <summary>
    /// A sample page decoded and parsed once, as the crawl would parse it (<see cref="SampleDecoding"/>, then
    /// <see cref="ExtractionDocument.ParseHtml"/>): every check of every type that names it reads this one document.
    /// Equal when the file and the <c>Content-Type</c> it is decoded with are.
    /// </summary>
    /// <remarks>
    /// The document is only ever read (selectors, text, attributes), never changed, so the checks that share it across
    /// generator runs do not disturb each other.
    /// </remarks>
    internal sealed class SamplePage : IEquatable<SamplePage>
    {
        private SamplePage(SampleText file, string? contentType, IDocument document)
        {
            File = file;
            ContentType = contentType;
            Document = document;
        }

        public SampleText File { get; }

        public string? ContentType { get; }

        public IDocument Document { get; }

        public string Path => File.Path;

        public static SamplePage Parse(SampleText file, string? contentType) =>
            new(file, contentType, ExtractionDocument.ParseHtml(SampleDecoding.Decode(file.Bytes!, contentType)));

        public bool Equals(SamplePage? other) => other is not null && File.Equals(other.File) && ContentType == other.ContentType;

        public override bool Equals(object? obj) => Equals(obj as SamplePage);

        public override int GetHashCode() => File.GetHashCode();
    }
}
