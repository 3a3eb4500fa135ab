using System.Text;

namespace DeclarativeScrape.Tests.Decoding;

/// <summary>
/// Every page of the decoding corpus decodes to what Chromium showed: the same encoding (<c>document.characterSet</c>)
/// and, parsed, the same body text — every encoding of the standard, every label in the header and in a
/// <c>&lt;meta&gt;</c>, byte order marks, header shapes, the prescan's edge cases, invalid bytes, mislabelled pages.
/// The answers are data recorded from Chromium (<c>Oracle/generate.py</c>), so no browser is needed here.
/// </summary>
public sealed class PageDecodingOracleTests
{
    public static TheoryData<string> CaseIds => [.. ChromiumOracle.Cases.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void A_page_decodes_as_Chromium_shows_it(string id)
    {
        var expected = ChromiumOracle.Cases[id];
        var decoded = PageDecoder.Decode(expected.Bytes, expected.ContentType);
        using var document = ExtractionDocument.ParseHtml(decoded.Text);
        var text = document.Body?.TextContent;

        var same = string.Equals(decoded.Encoding.Name, expected.Charset, StringComparison.OrdinalIgnoreCase) && text == expected.Text;
        if (ChromiumOracle.KnownDifferences.TryGetValue(id, out var reason))
        {
            same.ShouldBeFalse($"'{id}' is listed as a known difference ({reason}) but now matches Chromium {ChromiumOracle.Version}: remove it from the list");
            return;
        }

        decoded.Encoding.Name.ToUpperInvariant().ShouldBe(expected.Charset.ToUpperInvariant(), $"the encoding of '{id}' ({decoded.Encoding.Source})");
        (text == expected.Text).ShouldBeTrue($"the text of '{id}' decoded as {decoded.Encoding} differs from Chromium's {FirstDifference(text, expected.Text)}");
    }

    [Fact]
    public void The_corpus_covers_every_encoding_and_every_label()
    {
        var encodings = ChromiumOracle.Cases.Values.Select(c => c.Charset).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "UTF-8", "IBM866", "ISO-8859-2", "ISO-8859-8-I", "ISO-8859-16", "KOI8-U", "macintosh", "windows-874", "windows-1258", "x-mac-cyrillic", "GBK", "gb18030", "Big5", "EUC-JP", "ISO-2022-JP", "Shift_JIS", "EUC-KR", "replacement", "UTF-16BE", "UTF-16LE", "x-user-defined" })
        {
            encodings.ShouldContain(name);
        }

        var labels = ChromiumOracle.Cases.Keys.Where(k => k.StartsWith("label/header/", StringComparison.Ordinal)).Select(k => k["label/header/".Length..]).ToHashSet();
        labels.ShouldBe(EncodingLabels.All, ignoreOrder: true);
        foreach (var label in labels)
        {
            ChromiumOracle.Cases.ContainsKey("label/meta/" + label).ShouldBeTrue(label);
        }
    }

    private static string FirstDifference(string? actual, string? expected)
    {
        if (actual is null || expected is null)
        {
            return actual is null ? "no body" : "Chromium has no body";
        }

        var i = 0;
        while (i < actual.Length && i < expected.Length && actual[i] == expected[i])
        {
            i++;
        }

        var from = Math.Max(0, i - 8);
        string Show(string s) => string.Concat(s.AsSpan(from, Math.Min(i - from + 12, s.Length - from)).ToArray().Select(c => c is >= ' ' and < '\x7f' ? c.ToString() : $"\\u{(int)c:X4}"));
        return new StringBuilder().Append("at ").Append(i).Append(": ours '").Append(Show(actual)).Append("', Chromium's '").Append(Show(expected)).Append('\'').ToString();
    }
}
