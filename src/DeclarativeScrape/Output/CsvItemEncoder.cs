using System.Buffers;
using System.Text;

namespace DeclarativeScrape;

/// <summary>
/// Items as CSV (RFC 4180): a header row of <see cref="ItemFormat{TItem}.CsvColumns"/>, one row per item
/// (<see cref="ItemFormat{TItem}.WriteCsvRow"/>), CRLF line ends, a field quoted when it holds a comma, a quote, a
/// line break or leading/trailing spaces, quotes doubled; an absent value is an empty field. UTF-8 without BOM.
/// </summary>
internal sealed class CsvItemEncoder<TItem> : ItemEncoder<TItem>
{
    private readonly ItemFormat<TItem> _format;
    private readonly string?[] _cells;
    private readonly byte[] _header;

    public CsvItemEncoder(ItemFormat<TItem> format)
    {
        _format = format;
        _cells = new string?[format.CsvColumns.Count];
        var header = new ArrayBufferWriter<byte>();
        AppendRow(header, format.CsvColumns);
        _header = header.WrittenSpan.ToArray();
    }

    public override string FormatName => "csv";

    public override ReadOnlySpan<byte> Header => _header;

    protected override void EncodeRecord(TItem item, ArrayBufferWriter<byte> output)
    {
        Array.Clear(_cells);
        _format.WriteCsvRow(item, _cells);
        AppendRow(output, _cells);
    }

    internal static void AppendRow(IBufferWriter<byte> output, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                Write(output, ",");
            }

            var cell = cells[i];
            if (string.IsNullOrEmpty(cell))
            {
                continue;
            }

            if (NeedsQuotes(cell))
            {
                Write(output, "\"");
                Write(output, cell.Replace("\"", "\"\"", StringComparison.Ordinal));
                Write(output, "\"");
            }
            else
            {
                Write(output, cell);
            }
        }

        Write(output, "\r\n");
    }

    private static bool NeedsQuotes(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || cell[0] == ' ' || cell[^1] == ' ';

    private static void Write(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
