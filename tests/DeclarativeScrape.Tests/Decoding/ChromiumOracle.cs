using System.Text.Json;

namespace DeclarativeScrape.Tests.Decoding;

/// <summary>
/// What Chromium showed for each page of the decoding corpus (<c>Oracle/chromium-decoding.json</c>, recorded by
/// <c>Oracle/generate.py</c>): the bytes and header served, <c>document.characterSet</c> and the body's text.
/// </summary>
public static class ChromiumOracle
{
    private static readonly Lazy<OracleFile> File = new(Load);

    /// <summary>The Chromium version that recorded the answers.</summary>
    public static string Version => File.Value.Chromium;

    /// <summary>Every case, by id.</summary>
    public static IReadOnlyDictionary<string, OracleCase> Cases => File.Value.ById;

    /// <summary>
    /// The cases where this library deliberately shows something else than Chromium, each with the reason (also in
    /// docs/crawling.md, "How pages are decoded"). The test checks they still differ, so the list stays true.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KnownDifferences = new Dictionary<string, string>
    {
        ["unlabelled/windows-1251"] = Guess,
        ["unlabelled/shift_jis"] = Guess,
        ["invalid/big5-lead-before-lt"] = "the four Big5 pointers that stand for two code points (0x8862, 0x8864, 0x88A3, 0x88A5: Ê̄ Ê̌ ê̄ ê̌) come out of Chromium as U+0093 or U+00B3 and a lone surrogate, a Chromium bug; the decoder gives the standard's two code points",
        ["invalid/euc-jp-0212-then-ascii"] = "after 0x8F, a lead byte and an ASCII byte, Chromium reads the next pair as JIS X 0212 too; the standard (and the decoder) go back to JIS X 0208",
        ["invalid/iso-2022-jp-failed-escape-in-jis"] = "after a failed ESC ( x in JIS X 0208 mode, Chromium drops the two bytes it should read again as a pair (one U+FFFD fewer); the decoder does as the standard says",
        ["bom/utf-16le-odd-byte"] = OddByte,
        ["invalid/utf-16be-odd-byte"] = OddByte,
    };

    private const string Guess = "Chromium guesses the encoding of an unlabelled page from its bytes (its Compact Encoding Detector); the decoder does not guess and reads windows-1252, Chromium's own fallback";

    private const string OddByte = "Chromium drops an odd last byte of a UTF-16 page; the standard (and the decoder) make it U+FFFD";

    private static OracleFile Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Decoding", "Oracle", "chromium-decoding.json");
        using var stream = System.IO.File.OpenRead(path);
        var file = JsonSerializer.Deserialize<OracleFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{path} is empty");
        file.ById = file.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        return file;
    }

    private sealed class OracleFile
    {
        public string Chromium { get; set; } = "";

        public List<OracleCase> Cases { get; set; } = [];

        public Dictionary<string, OracleCase> ById { get; set; } = [];
    }
}

/// <summary>One page of the corpus and what Chromium showed.</summary>
public sealed class OracleCase
{
    public string Id { get; set; } = "";

    /// <summary>The <c>Content-Type</c> header served, or <see langword="null"/> for none.</summary>
    public string? ContentType { get; set; }

    /// <summary>The body, base64.</summary>
    public string Body { get; set; } = "";

    /// <summary>Chromium's <c>document.characterSet</c>.</summary>
    public string Charset { get; set; } = "";

    /// <summary>Chromium's <c>document.body.textContent</c>.</summary>
    public string? Text
    {
        get => TextUtf16 is { } utf16 ? System.Text.Encoding.Unicode.GetString(Convert.FromBase64String(utf16)) : field;
        set;
    }

    /// <summary>The text as base64 UTF-16LE, for a text with a lone surrogate (which JSON strings cannot hold here).</summary>
    public string? TextUtf16 { get; set; }

    public byte[] Bytes => Convert.FromBase64String(Body);

    public override string ToString() => Id;
}
