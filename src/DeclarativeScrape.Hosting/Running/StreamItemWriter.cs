using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace DeclarativeScrape.Hosting;

/// <summary>
/// Writes items to a stream (standard output for <c>--out -</c>) as JSON Lines, with the runtime's own encoder (the
/// same bytes an output file gets), flushing each line so a reader downstream sees items as they come.
/// </summary>
internal sealed class StreamItemWriter<TItem>(ItemFormat<TItem> format, Stream stream) : IDisposable
{
    private readonly ItemEncoder<TItem> _encoder = ItemEncoder<TItem>.For("jsonl", format);
    private readonly ArrayBufferWriter<byte> _record = new(1024);

    /// <summary>Writes one item; <see langword="false"/>, with nothing written, when the item cannot be encoded.</summary>
    public bool TryWrite(TItem item, [NotNullWhen(false)] out Exception? error)
    {
        _record.ResetWrittenCount();
        try
        {
            _encoder.Encode(item, _record);
        }
        catch (Exception e)
        {
            error = e;
            return false;
        }

        stream.Write(_record.WrittenSpan);
        stream.Flush();
        error = null;
        return true;
    }

    public void Dispose() => stream.Flush();
}
