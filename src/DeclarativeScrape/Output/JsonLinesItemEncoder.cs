using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeclarativeScrape;

/// <summary>Items as JSON Lines: one JSON object per line (<see cref="ItemFormat{TItem}.WriteJson"/>), UTF-8, <c>\n</c>.</summary>
internal sealed class JsonLinesItemEncoder<TItem>(ItemFormat<TItem> format) : ItemEncoder<TItem>
{
    private readonly Utf8JsonWriter _json = new(new ArrayBufferWriter<byte>(1), new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false });

    public override string FormatName => "jsonl";

    public override ReadOnlySpan<byte> Header => [];

    protected override void EncodeRecord(TItem item, ArrayBufferWriter<byte> output)
    {
        _json.Reset(output);
        format.WriteJson(_json, item);
        _json.Flush();
        output.Write("\n"u8);
    }
}
