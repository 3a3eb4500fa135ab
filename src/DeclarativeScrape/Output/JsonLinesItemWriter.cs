using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeclarativeScrape;

/// <summary>Items as JSON Lines: one JSON object per line (<see cref="ItemFormat{TItem}.WriteJson"/>), UTF-8, <c>\n</c>.</summary>
internal sealed class JsonLinesItemWriter<TItem> : ItemWriter<TItem>
{
    private readonly ItemFormat<TItem> _format;
    private readonly ArrayBufferWriter<byte> _buffer = new(BufferThreshold * 2);
    private readonly Utf8JsonWriter _json;

    public JsonLinesItemWriter(string path, ItemFormat<TItem> format, TimeProvider time)
        : base(path, time)
    {
        _format = format;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false });
    }

    protected override int BufferedBytes => _buffer.WrittenCount;

    protected override ReadOnlySpan<byte> Buffered => _buffer.WrittenSpan;

    protected override void Format(TItem item)
    {
        var before = _buffer.WrittenCount;
        try
        {
            _json.Reset(_buffer);
            _format.WriteJson(_json, item);
            _json.Flush();
        }
        catch
        {
            // A failing writer must not leave half a record: drop what it wrote.
            var kept = _buffer.WrittenSpan[..before].ToArray();
            _buffer.ResetWrittenCount();
            _buffer.Write(kept);
            throw;
        }

        _buffer.Write("\n"u8);
    }

    protected override void ClearBuffer() => _buffer.ResetWrittenCount();
}
