using System.Buffers;

namespace DeclarativeScrape;

/// <summary>
/// Turns items into the bytes of one output format: a header that starts a new file, then one whole record per
/// item with its line end. <see cref="ItemWriter{TItem}"/> writes these bytes to the file; a state directory keeps
/// them per item, so that re-appending committed items to a repaired file needs no deserialization.
/// Not thread-safe: one encoder per writer.
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
internal abstract class ItemEncoder<TItem>
{
    /// <summary>The format's name: <c>jsonl</c> or <c>csv</c> (see <see cref="ItemWriter{TItem}.FormatOf"/>).</summary>
    public abstract string FormatName { get; }

    /// <summary>The bytes a new file starts with (the CSV header row; nothing for JSON Lines).</summary>
    public abstract ReadOnlySpan<byte> Header { get; }

    /// <summary>The encoder for <paramref name="formatName"/> (<c>jsonl</c> or <c>csv</c>).</summary>
    public static ItemEncoder<TItem> For(string formatName, ItemFormat<TItem> format) =>
        formatName == "csv" ? new CsvItemEncoder<TItem>(format) : new JsonLinesItemEncoder<TItem>(format);

    /// <summary>Appends one whole record (with its line end) to <paramref name="output"/>; on failure appends nothing.</summary>
    public void Encode(TItem item, ArrayBufferWriter<byte> output)
    {
        var before = output.WrittenCount;
        try
        {
            EncodeRecord(item, output);
        }
        catch
        {
            // A failing item format must not leave half a record: drop what it wrote.
            var kept = output.WrittenSpan[..before].ToArray();
            output.ResetWrittenCount();
            output.Write(kept);
            throw;
        }
    }

    /// <summary>
    /// Encodes each item as a record of its own (a state keeps them per item), all or none: <see langword="null"/> when
    /// encoding one of them throws, with the error.
    /// </summary>
    /// <param name="items">The items.</param>
    /// <param name="scratch">A buffer to encode into (reset here).</param>
    /// <param name="error">Why an item could not be encoded.</param>
    public byte[][]? TryEncodeEach(IReadOnlyList<TItem> items, ArrayBufferWriter<byte> scratch, out Exception? error)
    {
        error = null;
        if (items.Count == 0)
        {
            return [];
        }

        var records = new byte[items.Count][];
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                scratch.ResetWrittenCount();
                EncodeRecord(items[i], scratch);
                records[i] = scratch.WrittenSpan.ToArray();
            }

            return records;
        }
        catch (Exception e)
        {
            error = e;
            return null;
        }
    }

    /// <summary>Appends one record with its line end.</summary>
    protected abstract void EncodeRecord(TItem item, ArrayBufferWriter<byte> output);
}
