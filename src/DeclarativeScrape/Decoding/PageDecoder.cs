using System.Buffers;
using System.Text.Unicode;

namespace DeclarativeScrape;

/// <summary>
/// Decodes an HTML page's bytes into text the way browsers do (the WHATWG Encoding Standard and the HTML Standard's
/// "determining the character encoding"): a byte order mark; else the scraper's encoding override; else the
/// <c>charset</c> of the <c>Content-Type</c> header; else a <c>&lt;meta&gt;</c> charset the HTML prescan finds in the
/// first 1,024 bytes (or later in the <c>&lt;head&gt;</c>, as Chromium does); else windows-1252. Labels are the
/// Encoding Standard's; one it does not list is skipped, never an error. The crawl, <c>Parse</c> on saved pages and
/// the sample checks all decode here (see docs/crawling.md, "How pages are decoded").
/// </summary>
public static class PageDecoder
{
    /// <summary>How many bytes the prescan reads for a <c>&lt;meta&gt;</c> charset before it stops (unless still in the head).</summary>
    public const int PrescanBytes = 1024;

    /// <summary>Decodes <paramref name="body"/> as a browser would.</summary>
    /// <param name="body">The page's bytes as received (after content decoding such as gzip).</param>
    /// <param name="contentType">The <c>Content-Type</c> header's value, or <see langword="null"/> when there is none (a saved file).</param>
    /// <param name="encoding">An encoding label that overrides the header and the page's own labels (a byte order mark still wins), or <see langword="null"/>.</param>
    /// <returns>The text and the encoding decision.</returns>
    /// <exception cref="ArgumentException"><paramref name="encoding"/> is not a label of the Encoding Standard.</exception>
    public static DecodedPage Decode(ReadOnlySpan<byte> body, string? contentType = null, string? encoding = null)
    {
        EncodingId? forced = null;
        if (encoding is not null)
        {
            forced = EncodingLabels.TryGet(encoding, out var id)
                ? id
                : throw new ArgumentException($"'{encoding}' is not an encoding label of the WHATWG Encoding Standard.", nameof(encoding));
        }

        var decision = Decode(body, contentType, forced, out var chars, out var length);
        try
        {
            return new DecodedPage(new string(chars, 0, length), decision);
        }
        finally
        {
            ReturnChars(chars);
        }
    }

    /// <summary>
    /// The most characters a decoding buffer may have and still come from (and go back to) the shared pool: 1 Mi
    /// characters (2 MiB). A larger page gets a buffer of its own that the garbage collector takes back, so one 16 MiB
    /// page does not leave a 32 MiB buffer in the pool of every thread that decoded one.
    /// </summary>
    internal const int MaxPooledChars = 1 << 20;

    /// <summary>A buffer for at least <paramref name="length"/> characters: pooled up to <see cref="MaxPooledChars"/>, its own above.</summary>
    internal static char[] RentChars(int length) =>
        length <= MaxPooledChars ? ArrayPool<char>.Shared.Rent(length) : GC.AllocateUninitializedArray<char>(length);

    /// <summary>Gives back a decoding buffer from <see cref="RentChars"/>: to the pool when it came from there.</summary>
    internal static void ReturnChars(char[] chars)
    {
        if (chars.Length <= MaxPooledChars)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Whether <paramref name="label"/> names an encoding of the Encoding Standard (surrounding whitespace and case ignored).</summary>
    /// <param name="label">A label such as <c>utf-8</c>, <c>latin1</c>, <c>sjis</c>.</param>
    /// <returns><see langword="true"/> when a page labelled so would be decoded with that encoding.</returns>
    public static bool IsEncodingLabel(string? label) => label is not null && EncodingLabels.TryGet(label, out _);

    /// <summary>
    /// Decodes into a character buffer rented from <see cref="ArrayPool{T}.Shared"/> (the caller gives it back with
    /// <see cref="ReturnChars"/>; a page above <see cref="MaxPooledChars"/> gets a buffer of its own): no
    /// allocation but the buffer, and a vectorized path for ASCII runs in UTF-8 and single-byte encodings.
    /// </summary>
    internal static EncodingDecision Decode(ReadOnlySpan<byte> body, string? contentType, EncodingId? forced, out char[] chars, out int length)
    {
        var (encoding, source, bom) = Sniff(body, contentType, forced);
        body = body[bom..];
        chars = RentChars(Math.Max(1, body.Length));
        length = Decode(encoding, body, chars);
        return new EncodingDecision(EncodingLabels.NameOf(encoding), source);
    }

    /// <summary>The encoding of <paramref name="body"/>, where it came from and the length of its byte order mark.</summary>
    internal static (EncodingId Encoding, EncodingSource Source, int BomLength) Sniff(ReadOnlySpan<byte> body, string? contentType, EncodingId? forced)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            return (EncodingId.Utf8, EncodingSource.ByteOrderMark, 3);
        }

        if (body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF)
        {
            return (EncodingId.Utf16Be, EncodingSource.ByteOrderMark, 2);
        }

        if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE)
        {
            return (EncodingId.Utf16Le, EncodingSource.ByteOrderMark, 2);
        }

        if (forced is { } id)
        {
            return (id, EncodingSource.Override, 0);
        }

        if (EncodingLabels.TryGet(ContentTypeCharset.FromHeader(contentType), out var fromHeader))
        {
            return (fromHeader, EncodingSource.ContentType, 0);
        }

        if (MetaPrescan.Find(body) is { } fromMeta)
        {
            return (fromMeta, EncodingSource.Meta, 0);
        }

        return (EncodingId.Windows1252, EncodingSource.Default, 0);
    }

    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least one per byte, and one); returns the characters written.</summary>
    internal static int Decode(EncodingId encoding, ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        switch (encoding)
        {
            case EncodingId.Utf8:
                Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
                return written;
            case EncodingId.Gbk or EncodingId.Gb18030:
                return Gb18030Decoder.Decode(bytes, chars);
            case EncodingId.Big5:
                return Big5Decoder.Decode(bytes, chars);
            case EncodingId.EucJp:
                return EucJpDecoder.Decode(bytes, chars);
            case EncodingId.Iso2022Jp:
                return Iso2022JpDecoder.Decode(bytes, chars);
            case EncodingId.ShiftJis:
                return ShiftJisDecoder.Decode(bytes, chars);
            case EncodingId.EucKr:
                return EucKrDecoder.Decode(bytes, chars);
            case EncodingId.Utf16Be or EncodingId.Utf16Le:
                return Utf16Decoder.Decode(bytes, chars, bigEndian: encoding == EncodingId.Utf16Be);
            case EncodingId.Replacement:
                // The whole body is one error: these encodings (ISO-2022-KR, HZ…) are refused, not guessed at.
                if (bytes.IsEmpty)
                {
                    return 0;
                }

                chars[0] = '\uFFFD';
                return 1;
            default:
                return SingleByteDecoder.Decode(encoding, bytes, chars);
        }
    }
}
