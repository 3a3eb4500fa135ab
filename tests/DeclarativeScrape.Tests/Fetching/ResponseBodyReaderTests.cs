using System.Buffers;
using System.IO.Compression;
using System.Net;

namespace DeclarativeScrape.Tests;

public sealed class ResponseBodyReaderTests
{
    private static readonly ManualTimeProvider Time = new();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ResponseBody.ChunkSize)]
    [InlineData(ResponseBody.ChunkSize + 1)]
    [InlineData((5 * ResponseBody.ChunkSize) + 123)]
    public async Task A_body_is_read_into_full_chunks_and_its_budget_given_back_on_dispose(int size)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
        var budget = BodyBudget.ForRun(1 << 20, BodyBudget.ForEngine());

        var body = await ReadAsync(new StreamContent(new DribbleStream(bytes, 1000)), budget);

        body.Length.ShouldBe(size);
        body.Bytes.ToArray().ShouldBe(bytes);
        body.FirstSpan.Length.ShouldBe(Math.Min(size, ResponseBody.ChunkSize), "every chunk but the last is full");
        budget.Used.ShouldBe((long)Math.Ceiling(size / (double)ResponseBody.ChunkSize) * ResponseBody.ChunkSize);
        body.Dispose();
        budget.Used.ShouldBe(0);
        body.Dispose();
        budget.Used.ShouldBe(0, "disposing twice gives back nothing more");
    }

    [Fact]
    public async Task A_gzip_body_is_inflated_into_chunks()
    {
        var html = string.Concat(Enumerable.Repeat("<p>hello, chunked world</p>\n", 5000));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(html));
        }

        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        using var body = await ReadAsync(content, BodyBudget.ForRun(1 << 20, BodyBudget.ForEngine()));

        System.Text.EncodingExtensions.GetString(System.Text.Encoding.UTF8, body.Bytes).ShouldBe(html);
    }

    [Fact]
    public async Task A_body_exactly_at_the_cap_is_read_and_one_byte_more_is_too_large()
    {
        var budget = BodyBudget.ForRun(1 << 20, BodyBudget.ForEngine());
        using (var exact = await ReadAsync(new StreamContent(new MemoryStream(new byte[5000])), budget, maxDecoded: 5000))
        {
            exact.Length.ShouldBe(5000);
        }

        var error = await Should.ThrowAsync<BodyTooLargeException>(ReadAsync(new StreamContent(new MemoryStream(new byte[5001])), budget, maxDecoded: 5000));
        error.Message.ShouldContain("Limits.MaxDecompressedBytes (5000 bytes)");
        budget.Used.ShouldBe(0, "a refused body gives its chunks back");
    }

    [Fact]
    public async Task Running_out_of_memory_while_reading_is_too_large_not_a_network_error()
    {
        var budget = BodyBudget.ForRun(1 << 20, BodyBudget.ForEngine());

        var error = await Should.ThrowAsync<BodyTooLargeException>(ReadAsync(new StreamContent(new OutOfMemoryStream()), budget));

        error.Message.ShouldContain("memory ran out");
        budget.Used.ShouldBe(0);
    }

    private static async Task<ResponseBody> ReadAsync(HttpContent content, BodyBudget budget, long maxDecoded = 1 << 20)
    {
        using var timeouts = new AttemptTimeouts(Time, TimeSpan.FromHours(1), TimeSpan.FromHours(1), CancellationToken.None);
        return await ResponseBodyReader.ReadAsync(content, long.MaxValue, maxDecoded, budget, timeouts, "test", new OutcomeRecorder("test", Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance), Time, CancellationToken.None);
    }

    /// <summary>Returns at most a few bytes per read, as a socket does.</summary>
    private sealed class DribbleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, most)], cancellationToken);
    }

    /// <summary>Sends one chunk's worth, then fails to allocate.</summary>
    private sealed class OutOfMemoryStream : MemoryStream
    {
        private int _reads;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads == 1 ? ValueTask.FromResult(buffer.Length) : throw new OutOfMemoryException("Insufficient memory");
    }
}
