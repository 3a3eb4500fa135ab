using System.Diagnostics;

namespace DeclarativeScrape;

/// <summary>
/// The response stream as it comes off the wire: counts bytes against <see cref="LimitOptions.MaxResponseBytes"/>,
/// reports progress to the attempt's idle timeout and records <c>declarativescrape.bytes_received</c>.
/// </summary>
internal sealed class WireStream(Stream inner, long maxBytes, AttemptTimeouts timeouts, string host, OutcomeRecorder recorder) : Stream
{
    private long _total;

    public long BytesRead => _total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read > 0)
        {
            timeouts.Progress();
            _total += read;
            recorder.AddBytes(read);
            recorder.Metrics.BytesReceived.Add(read, ScrapeTelemetry.ServerTags(host));
            if (_total > maxBytes)
            {
                throw new BodyTooLargeException($"the body is larger than Limits.MaxResponseBytes ({maxBytes} bytes)");
            }
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("Bodies are read asynchronously only.");

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
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
