using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeclarativeScrape.Generators.Tests.Infrastructure;

/// <summary>
/// An additional file handed to the generators as the command-line compiler hands it over: its bytes decoded with a
/// byte order mark's encoding, else strict UTF-8, else code page 1252 (Roslyn's EncodedStringText), so that the sample
/// check sees what it sees in a real build.
/// </summary>
public sealed class SampleFile(string path, byte[] bytes) : AdditionalText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static SampleFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public SampleFile(string path, string text)
        : this(path, Encoding.UTF8.GetBytes(text))
    {
    }

    public override string Path { get; } = path;

    public byte[] Bytes { get; } = bytes;

    public override SourceText GetText(CancellationToken cancellationToken = default)
    {
        try
        {
            return SourceText.From(Bytes, Bytes.Length, StrictUtf8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false);
        }
        catch (DecoderFallbackException)
        {
            return SourceText.From(Bytes, Bytes.Length, Encoding.GetEncoding(1252), SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true);
        }
    }
}
