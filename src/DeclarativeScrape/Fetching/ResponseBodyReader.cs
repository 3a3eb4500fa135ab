using System.IO.Compression;
using System.Runtime.InteropServices;

namespace DeclarativeScrape;

/// <summary>
/// Reads a response body into a <see cref="ResponseBody"/>: fixed-size chunks from the engine's pool, each charged to the run's
/// <see cref="BodyBudget"/> before it is taken. gzip, deflate and brotli are inflated here, streaming, straight into
/// the chunks, so that both caps hold while reading: <see cref="LimitOptions.MaxResponseBytes"/> on the wire (refused up
/// front when <c>Content-Length</c> already says too much) and <see cref="LimitOptions.MaxDecompressedBytes"/> in memory.
/// </summary>
/// <remarks>
/// Memory held by a body is its length rounded up to a chunk, never more than the smaller applicable cap plus one
/// chunk, and never more than the budget allows: a body that would exceed either fails as
/// <see cref="FailureReason.TooLarge"/>, as does an allocation that fails (an <see cref="OutOfMemoryException"/>), which is
/// not retried.
/// </remarks>
internal static class ResponseBodyReader
{
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
    /// <param name="content">The response's content.</param>
    /// <param name="maxWire">The cap on bytes off the wire.</param>
    /// <param name="maxDecoded">The cap on bytes in memory (after decompression).</param>
    /// <param name="budget">The run's body budget; each chunk is charged to it before it is taken.</param>
    /// <param name="timeouts">The attempt's timeouts (bytes arriving are progress; a wait for budget is bounded by half the read-idle timeout).</param>
    /// <param name="host">The host, for the bytes-received metric.</param>
    /// <param name="recorder">The run's counts.</param>
    /// <param name="time">The clock of a wait for budget.</param>
    /// <param name="cancellationToken">The attempt's token.</param>
    /// <exception cref="BodyTooLargeException">A cap or the budget was exceeded, or memory ran out.</exception>
    /// <exception cref="NotSupportedException">An unknown <c>Content-Encoding</c>.</exception>
    public static async ValueTask<ResponseBody> ReadAsync(
        HttpContent content, long maxWire, long maxDecoded, BodyBudget budget, AttemptTimeouts timeouts, string host, OutcomeRecorder recorder, TimeProvider time, CancellationToken cancellationToken)
    {
        var wire = new WireStream(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), maxWire, timeouts, host, recorder);
        var stream = Decode(wire, content.Headers.ContentEncoding);
        var identity = ReferenceEquals(stream, wire);
        var cap = identity ? Math.Min(maxWire, maxDecoded) : maxDecoded;
        var chunks = new List<byte[]>(identity && content.Headers.ContentLength is { } announced ? (int)Math.Min(announced / ResponseBody.ChunkSize + 1, 1024) : 4);
        long length = 0;
        long charged = 0;
        var filled = ResponseBody.ChunkSize;   // bytes used of the last chunk
        try
        {
            while (true)
            {
                if (filled == ResponseBody.ChunkSize)
                {
                    // One byte past the cap is read to tell "exactly at the cap" from "too large".
                    if (length > cap)
                    {
                        break;
                    }

                    await budget.ReserveAsync(ResponseBody.ChunkSize, charged, timeouts.ReadIdle / 2, time, cancellationToken).ConfigureAwait(false);
                    charged += ResponseBody.ChunkSize;
                    chunks.Add(budget.RentChunk());
                    filled = 0;
                    timeouts.Progress();   // a wait for budget is not the server being idle
                }

                var want = (int)Math.Min(ResponseBody.ChunkSize - filled, cap + 1 - length);
                var read = await stream.ReadAsync(chunks[^1].AsMemory(filled, want), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                length += read;
                if (length > cap)
                {
                    throw new BodyTooLargeException(identity
                        ? $"the body is larger than {(maxWire <= maxDecoded ? "Limits.MaxResponseBytes" : "Limits.MaxDecompressedBytes")} ({cap} bytes)"
                        : $"the body inflates beyond Limits.MaxDecompressedBytes ({cap} bytes)");
                }
            }

            // The last chunk taken may be empty (the body ended on a chunk boundary): give it back now.
            if (filled == 0 && chunks.Count > 0)
            {
                var empty = chunks[^1];
                chunks.RemoveAt(chunks.Count - 1);
                budget.Release(ResponseBody.ChunkSize, last: chunks.Count == 0);
                budget.ReturnChunks([empty]);
                charged -= ResponseBody.ChunkSize;
            }

            var body = new ResponseBody([.. chunks], length, budget, charged);
            chunks.Clear();
            charged = 0;
            return body;
        }
        catch (OutOfMemoryException)
        {
            throw new BodyTooLargeException($"memory ran out after {length} bytes of the body");
        }
        finally
        {
            budget.Release(charged, last: true);
            budget.ReturnChunks(CollectionsMarshal.AsSpan(chunks));
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
