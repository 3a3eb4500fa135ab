using System.Buffers;

namespace DeclarativeScrape;

/// <summary>
/// How an output file lays out its records. JSON Lines and CSV records follow one another (CSV after its header row). A
/// JSON array (<c>.json</c>) opens with <c>[</c>, puts a comma between records and is closed with <c>]</c> when the run
/// ends: its records are the JSON Lines records without their line ends, so a state keeps the same bytes (and the same
/// <see cref="RecordFormatOf"/>) whichever of the two files it writes.
/// </summary>
internal sealed class OutputFraming
{
    private readonly byte[] _start;
    private readonly bool _array;

    private OutputFraming(byte[] start, bool array)
    {
        _start = start;
        _array = array;
    }

    /// <summary>The bytes a new file starts with: the CSV header row, <c>[</c> for a JSON array, nothing for JSON Lines.</summary>
    public ReadOnlySpan<byte> Start => _start;

    /// <summary>The framing of a file of <paramref name="fileFormat"/> (<c>jsonl</c>, <c>json</c> or <c>csv</c>) whose records start after <paramref name="header"/>.</summary>
    public static OutputFraming For(string fileFormat, ReadOnlySpan<byte> header) =>
        fileFormat == "json" ? new("["u8.ToArray(), array: true) : new(header.ToArray(), array: false);

    /// <summary>The records' format of a file format: a JSON array holds JSON Lines records.</summary>
    public static string RecordFormatOf(string fileFormat) => fileFormat == "json" ? "jsonl" : fileFormat;

    /// <summary>Appends <paramref name="record"/> (one whole record of the <see cref="ItemEncoder{TItem}"/>, with its line end) to the file's bytes.</summary>
    /// <param name="output">The bytes going to the file.</param>
    /// <param name="record">The record.</param>
    /// <param name="first">Whether no record precedes it in the file.</param>
    public void Append(IBufferWriter<byte> output, ReadOnlySpan<byte> record, bool first)
    {
        if (_array)
        {
            output.Write(first ? "\n"u8 : ",\n"u8);
            output.Write(record[..^1]);
        }
        else
        {
            output.Write(record);
        }
    }

    /// <summary>The bytes that end a complete file: <c>]</c> for a JSON array (on a line of its own after records), nothing otherwise.</summary>
    /// <param name="any">Whether the file holds records.</param>
    public ReadOnlySpan<byte> End(bool any) => !_array ? [] : any ? "\n]\n"u8 : "]\n"u8;
}
