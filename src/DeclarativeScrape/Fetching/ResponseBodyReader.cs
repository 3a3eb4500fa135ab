using System.Buffers;
using System.IO.Compression;

namespace DeclarativeScrape;

/// <summary>
/// Reads a response body into a pooled buffer, inflating gzip, deflate and brotli itself so that both caps hold
/// while streaming: <see cref="LimitOptions.MaxResponseBytes"/> on the wire (refused up front when
/// <c>Content-Length</c> already says too much) and <see cref="LimitOptions.MaxDecompressedBytes"/> after inflation.
/// Memory never exceeds the smaller applicable cap: the buffer doubles from a small start (or the announced length)
/// and is rented from <see cref="ArrayPool{T}.Shared"/>.
/// </summary>
internal static class ResponseBodyReader
{
    /// <summary>The first buffer when the length is unknown or compressed.</summary>
    public const int InitialBufferSize = 16 * 1024;

    /// <summary>Checks <c>Content-Length</c> against the caps before any body byte is read.</summary>
    /// <returns>The reason to refuse the body, or <see langword="null"/>.</returns>
    public static string? RefuseEarly(HttpContent content, long maxWire, long maxDecoded)
    {
        if (content.Headers.ContentLength is not { } length)
        {
            return null;
        }

        if (length > maxWire)
        {
            return $"Content-Length {length} is above Limits.MaxResponseBytes ({maxWire} bytes)";
        }

        return content.Headers.ContentEncoding.Count == 0 && length > maxDecoded
            ? $"Content-Length {length} is above Limits.MaxDecompressedBytes ({maxDecoded} bytes)"
            : null;
    }

    /// <summary>Reads the whole body.</summary>
    /// <exception cref="BodyTooLargeException">A cap was exceeded.</exception>
    /// <exception cref="NotSupportedException">An unknown <c>Content-Encoding</c>.</exception>
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, long maxWire, long maxDecoded, AttemptTimeouts timeouts, string host, OutcomeRecorder recorder, CancellationToken cancellationToken)
    {
        var encodings = content.Headers.ContentEncoding;
        var wire = new WireStream(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), maxWire, timeouts, host, recorder);
        var stream = Decode(wire, encodings);
        var identity = ReferenceEquals(stream, wire);
        var cap = identity ? Math.Min(maxWire, maxDecoded) : maxDecoded;
        var initial = identity && content.Headers.ContentLength is { } announced ? (int)Math.Min(announced + 1, cap) : InitialBufferSize;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(initial, 1), cap));
        var length = 0;
        try
        {
            while (true)
            {
                var capacity = (int)Math.Min(buffer.Length, cap);
                if (length == capacity)
                {
                    if (capacity >= cap)
                    {
                        // Full at the cap: one more byte means too large.
                        if (await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0)
                        {
                            throw new BodyTooLargeException(identity
                                ? $"the body is larger than {(maxWire <= maxDecoded ? "Limits.MaxResponseBytes" : "Limits.MaxDecompressedBytes")} ({cap} bytes)"
                                : $"the body inflates beyond Limits.MaxDecompressedBytes ({cap} bytes)");
                        }

                        break;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length, capacity - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return new ResponseBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Stream Decode(Stream wire, ICollection<string> encodings)
    {
        if (encodings.Count == 0)
        {
            return wire;
        }

        // Content-Encoding lists codings in the order applied: undo them last first.
        var stream = wire;
        foreach (var coding in encodings.Reverse())
        {
            stream = coding.Trim().ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => new GZipStream(stream, CompressionMode.Decompress),
                "deflate" => new ZLibStream(stream, CompressionMode.Decompress),
                "br" => new BrotliStream(stream, CompressionMode.Decompress),
                "identity" or "" => stream,
                var other => throw new NotSupportedException($"unsupported Content-Encoding '{other}'"),
            };
        }

        return stream;
    }
}
