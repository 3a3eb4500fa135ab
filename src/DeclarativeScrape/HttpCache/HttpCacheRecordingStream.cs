namespace DeclarativeScrape;

/// <summary>Passes the body through and writes it to an entry, moved into place when the body ends; abandoned when the reader stops before.</summary>
internal sealed class HttpCacheRecordingStream(Stream source, HttpCacheDirectory directory, string path, byte[] header, long? announced) : Stream
{
    private HttpCacheEntryWriter? _entry = HttpCacheEntryWriter.TryCreate(path, header);
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = source.Read(buffer);
        Record(buffer[..read], ended: read == 0 && !buffer.IsEmpty);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Record(buffer.Span[..read], ended: read == 0 && !buffer.IsEmpty);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The reader stopped before the end (a cap, a timeout, the run stopping): nothing is kept.
            _entry?.Abandon();
            _entry = null;
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Record(ReadOnlySpan<byte> bytes, bool ended)
    {
        if (_entry is not { } entry)
        {
            return;
        }

        if (!entry.TryAppend(bytes))
        {
            entry.Abandon();
            _entry = null;
            return;
        }

        _read += bytes.Length;

        // The end: the source said so, or the announced length has been read (a reader may stop there).
        if (ended || (announced is { } length && _read == length))
        {
            _entry = null;
            if (entry.TryFinish())
            {
                directory.Commit(entry);
            }
            else
            {
                entry.Abandon();
            }
        }
    }
}
