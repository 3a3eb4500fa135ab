using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeclarativeScrape.Benchmarks.Samples;

/// <summary>An additional file held in memory, decoded as the compiler decodes one (UTF-8 here).</summary>
/// <param name="path">Its absolute path.</param>
/// <param name="text">Its content.</param>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8, SourceHashAlgorithm.Sha256);

    /// <inheritdoc/>
    public override string Path { get; } = path;

    /// <summary>The content's length in UTF-8 bytes.</summary>
    public int Bytes => Encoding.UTF8.GetByteCount(_text.ToString());

    /// <inheritdoc/>
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
