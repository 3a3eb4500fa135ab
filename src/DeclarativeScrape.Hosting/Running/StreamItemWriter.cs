using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeclarativeScrape.Hosting;

/// <summary>Writes items as JSON Lines to a stream (standard output for <c>--out -</c>), flushing each line.</summary>
internal sealed class JsonLinesItemWriter<TItem> : IDisposable
{
    private readonly ItemFormat<TItem> _format;
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;

    public JsonLinesItemWriter(ItemFormat<TItem> format, Stream stream)
    {
        _format = format;
        _stream = stream;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void Write(TItem item)
    {
        _format.WriteJson(_json, item);
        _json.Flush();
        _json.Reset();
        _stream.WriteByte((byte)'\n');
        _stream.Flush();
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Flush();
    }
}
