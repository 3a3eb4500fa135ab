using System.Text;

namespace DeclarativeScrape.Tests;

public sealed class HtmlEncodingSnifferTests
{
    [Theory]
    [InlineData("<html><head><meta charset=\"windows-1252\">", null, "windows-1252")]
    [InlineData("<html><head><META CHARSET=iso-8859-2>", null, "iso-8859-2")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">", null, "shift_jis")]
    [InlineData("<meta charset=\"windows-1252\">", "utf-8", "utf-8")]       // the header wins over the page
    [InlineData("<meta charset=\"utf-16\">", null, "utf-8")]               // a page's own UTF-16 claim is read as UTF-8
    [InlineData("<html><body>plain</body></html>", null, "utf-8")]
    [InlineData("<meta charset=\"no-such-encoding\">", "also-bogus", "utf-8")]
    public void The_encoding_comes_from_the_header_then_the_meta_tag_then_utf8(string head, string? header, string expected)
    {
        var encoding = HtmlEncodingSniffer.Detect(Encoding.ASCII.GetBytes(head), header, out var bom);

        encoding.WebName.ShouldBe(Encoding.GetEncoding(expected).WebName);
        bom.ShouldBe(0);
    }

    [Fact]
    public void A_byte_order_mark_wins_and_is_skipped()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, (byte)'<', (byte)'p', (byte)'>'];

        HtmlEncodingSniffer.Detect(body, "windows-1252", out var bom).ShouldBe(Encoding.UTF8);
        bom.ShouldBe(3);
        HtmlEncodingSniffer.Detect([0xFF, 0xFE, (byte)'<', 0], null, out bom).ShouldBe(Encoding.Unicode);
        bom.ShouldBe(2);
    }
}
