using System.Buffers;

namespace DeclarativeScrape;

/// <summary>A response body in a buffer rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Return"/> gives it back.</summary>
internal struct ResponseBody
{
    private byte[]? _buffer;

    public ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public readonly ReadOnlyMemory<byte> Memory => _buffer is null ? default : _buffer.AsMemory(0, Length);

    public readonly ReadOnlySpan<byte> Span => _buffer is null ? default : _buffer.AsSpan(0, Length);

    /// <summary>Returns the buffer to the pool; later calls do nothing.</summary>
    public void Return()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
