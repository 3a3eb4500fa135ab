using System.Buffers;

namespace DeclarativeScrape;

/// <summary>
/// A response body as it came off the wire, after any decompression: read-only bytes in pooled chunks of
/// <see cref="ChunkSize"/> bytes, charged to the run's <see cref="BodyBudget"/> until <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// <para>Decoders read <see cref="Bytes"/>, a <see cref="ReadOnlySequence{T}"/> of the chunks. Every chunk but the last
/// is full, so the first <c>min(Length, ChunkSize)</c> bytes (a byte order mark, a <c>&lt;meta charset&gt;</c> in the first
/// 1024 bytes) are contiguous in <see cref="FirstSpan"/>.</para>
/// <para>One owner: whoever holds the body disposes it once it has been decoded (the parse worker, the robots.txt
/// reader); disposing twice does nothing. The bytes must not be read after that.</para>
/// <para>Chunks are small fixed-size arrays from the engine's chunk pool (see <see cref="BodyBudget"/>), never one
/// buffer doubling as the body grows: a 16 MiB body is 1,024 chunks, each below the large object heap's threshold, and
/// the pool keeps no more chunks than the budget holds.</para>
/// </remarks>
internal sealed class ResponseBody : IDisposable
{
    /// <summary>The size of each chunk.</summary>
    public const int ChunkSize = 16 * 1024;

    private byte[][]? _chunks;
    private BodyBudget? _budget;
    private long _charged;

    /// <summary>An empty body (nothing to return).</summary>
    public static ResponseBody Empty { get; } = new([], 0, null, 0);

    internal ResponseBody(byte[][] chunks, long length, BodyBudget? budget, long charged)
    {
        _chunks = chunks;
        Length = length;
        _budget = budget;
        _charged = charged;
        Bytes = Sequence(chunks, length);
    }

    /// <summary>The number of bytes.</summary>
    public long Length { get; }

    /// <summary>The bytes, chunk by chunk.</summary>
    public ReadOnlySequence<byte> Bytes { get; }

    /// <summary>The first chunk's bytes: the whole body when it is at most <see cref="ChunkSize"/> bytes.</summary>
    public ReadOnlySpan<byte> FirstSpan => Bytes.FirstSpan;

    /// <summary>
    /// A body made here rather than read off the wire (a rendered page's HTML): the bytes as they are, in one array the
    /// collector takes back, charged to no budget.
    /// </summary>
    public static ResponseBody Of(byte[] bytes) => new([bytes], bytes.Length, null, 0);

    /// <summary>
    /// The bytes in one piece, for a consumer that needs contiguous memory (the browser): the chunk itself when the body
    /// has one, else a copy.
    /// </summary>
    public ReadOnlyMemory<byte> ToMemory() => Bytes.IsSingleSegment ? Bytes.First : Bytes.ToArray();

    /// <summary>Returns the chunks to the engine's pool and releases the budget; later calls do nothing.</summary>
    public void Dispose()
    {
        var chunks = Interlocked.Exchange(ref _chunks, null);
        if (chunks is null)
        {
            return;
        }

        // Budget first, chunks second: the pool keeps chunks only while they fit in the budget with those in use.
        _budget?.Release(_charged, last: true);
        _budget?.ReturnChunks(chunks);
        _budget = null;
        _charged = 0;
    }

    private static ReadOnlySequence<byte> Sequence(byte[][] chunks, long length)
    {
        if (chunks.Length == 0 || length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        if (chunks.Length == 1)
        {
            return new ReadOnlySequence<byte>(chunks[0], 0, (int)length);
        }

        var first = new Segment(chunks[0].AsMemory(0, ChunkSize), 0);
        var last = first;
        var remaining = length - ChunkSize;
        for (var i = 1; i < chunks.Length; i++)
        {
            var size = (int)Math.Min(ChunkSize, remaining);
            last = last.Append(chunks[i].AsMemory(0, size));
            remaining -= size;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
