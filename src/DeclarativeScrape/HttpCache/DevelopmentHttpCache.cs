using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DeclarativeScrape;

/// <summary>
/// The development HTTP cache (<see cref="ScrapeOptions.HttpCache"/>), behind the fetcher: every response a run receives
/// is kept on disk and a later run replays it instead of asking the site, so an author iterating on selectors re-runs a
/// crawl without touching the site. Each request is one file named by its key (method, canonical URL and the request
/// headers that vary the response: every header sent but <c>Cookie</c>); each redirect hop is a request of its own, so a
/// replayed crawl follows the same redirects to the same final URL. An entry is the response's status, headers and body
/// exactly as it came off the wire (still compressed when it was), which the fetcher then reads as it reads any response:
/// the same caps, decompression and decoding.
/// </summary>
/// <remarks>
/// <para>What is kept: a 2xx response once its whole body has been read (a body cut off by a cap, a timeout or the run
/// stopping is never kept); a 3xx or 4xx answer (but 429) at once, without its body, which the crawl never reads. 429 and
/// 5xx answers and network failures are not kept: the next run asks again. robots.txt goes through the fetcher like a
/// page, so it is kept and replayed too.</para>
/// <para>Entries are written to a temporary file and moved into place once complete, so a crash never leaves a partial
/// entry under an entry's name; an entry that does not read back whole (its recorded length and SHA-256 checked) is a
/// miss and is replaced. When the entries pass <see cref="HttpCacheOptions.MaxBytes"/>, those written longest ago are
/// deleted. Not HTTP caching (RFC 9111): <c>Cache-Control</c> is ignored and nothing is revalidated.</para>
/// </remarks>
internal sealed class DevelopmentHttpCache
{
    /// <summary>The extension of an entry's file.</summary>
    public const string Extension = ".response";

    private const string TemporaryExtension = ".tmp";
    private const int MaxHeaderLineBytes = 1 << 20;

    // The first line: magic, the body's length (16 hex digits), its SHA-256 (64 hex digits); patched once the body is complete.
    private static readonly byte[] Magic = "DSHTTPCACHE1 "u8.ToArray();
    private static readonly int FirstLineLength = Magic.Length + 16 + 1 + 64 + 1;

    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly ScrapeMetrics _metrics;
    private readonly Lock _accounting = new();
    private long _bytes = -1;
    private long _hits;
    private long _misses;
    private long _stored;
    private long _evicted;

    private DevelopmentHttpCache(string directory, long maxBytes, ScrapeMetrics metrics)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _metrics = metrics;
    }

    /// <summary>The cache a run's settings ask for, its directory created; <see langword="null"/> when they ask for none.</summary>
    /// <exception cref="ScrapeOptionsException">The directory cannot be created or written.</exception>
    public static DevelopmentHttpCache? Open(RunSettings settings, ScrapeMetrics metrics)
    {
        if (settings.HttpCacheDirectory is not { } directory)
        {
            return null;
        }

        var full = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(full);
            DeleteAbandoned(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ScrapeOptionsException("HttpCache.Directory", $"'{full}' cannot be used as the development HTTP cache: {e.Message}");
        }

        return new DevelopmentHttpCache(full, settings.HttpCacheMaxBytes, metrics);
    }

    /// <summary>The counts so far.</summary>
    public HttpCacheSummary Summarize() => new()
    {
        Directory = _directory,
        Hits = Interlocked.Read(ref _hits),
        Misses = Interlocked.Read(ref _misses),
        Stored = Interlocked.Read(ref _stored),
        Evicted = Interlocked.Read(ref _evicted),
    };

    /// <summary>The kept response to <paramref name="request"/>, or the site's (kept as described in the remarks).</summary>
    /// <param name="client">The client that sends a request the cache cannot answer.</param>
    /// <param name="request">The request, with every header it will be sent with.</param>
    /// <param name="cancellationToken">The attempt's token.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        var key = KeyOf(request);
        var path = PathOf(key);
        var tags = ScrapeTelemetry.ServerTags(url);
        if (TryReplay(path, key, request) is { } replayed)
        {
            Interlocked.Increment(ref _hits);
            tags.Add(ScrapeTelemetry.HttpCacheResult, "hit");
            _metrics.HttpCacheLookups.Add(1, tags);
            return replayed;
        }

        Interlocked.Increment(ref _misses);
        tags.Add(ScrapeTelemetry.HttpCacheResult, "miss");
        _metrics.HttpCacheLookups.Add(1, tags);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is 429 or >= 500 or < 200)
        {
            return response;
        }

        var header = HeaderLine(key, url, response);
        if (status is >= 200 and <= 299)
        {
            response.Content = new RecordingContent(response.Content, this, path, header);
        }
        else
        {
            // A redirect or a client error: the crawl reads its status and headers, never its body.
            Store(path, header, ReadOnlySpan<byte>.Empty);
        }

        return response;
    }

    /// <summary>What identifies a request: its method, canonical URL and the headers sent with it but <c>Cookie</c>, one per line.</summary>
    internal static string KeyOf(HttpRequestMessage request)
    {
        var url = request.RequestUri!;
        var canonical = UrlCanonicalizer.TryCanonicalize(url, out var c) ? c.AbsoluteUri : url.AbsoluteUri;
        var headers = new List<string>();
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            if (!name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(name.ToLowerInvariant() + ": " + values.ToString());
            }
        }

        headers.Sort(StringComparer.Ordinal);
        return request.Method.Method + " " + canonical + "\n" + string.Join("\n", headers);
    }

    private string PathOf(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Path.Combine(_directory, Convert.ToHexStringLower(hash.AsSpan(0, 16)) + Extension);
    }

    /// <summary>The entry at <paramref name="path"/> as a response, or <see langword="null"/> when there is none, or it is not whole, or it is another key's.</summary>
    private static HttpResponseMessage? TryReplay(string path, string key, HttpRequestMessage request)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 16384, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            if (ReadEntry(file, key) is not { } entry)
            {
                file.Dispose();
                return null;
            }

            var response = new HttpResponseMessage((HttpStatusCode)entry.Status)
            {
                ReasonPhrase = entry.Reason,
                RequestMessage = request,
                Content = new StreamContent(file),
            };
            foreach (var (name, value) in entry.Headers)
            {
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return response;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.Dispose();
            return null;
        }
    }

    /// <summary>Checks the entry and leaves <paramref name="file"/> at its body; <see langword="null"/> for anything but a whole entry of <paramref name="key"/>.</summary>
    private static Entry? ReadEntry(FileStream file, string key)
    {
        Span<byte> first = stackalloc byte[FirstLineLength];
        if (file.ReadAtLeast(first, first.Length, throwOnEndOfStream: false) != first.Length
            || !first.StartsWith(Magic)
            || first[^1] != (byte)'\n'
            || !Utf8Parser.TryParse(first.Slice(Magic.Length, 16), out long length, out var consumed, 'X') || consumed != 16)
        {
            return null;
        }

        var recordedHash = first.Slice(Magic.Length + 17, 64);
        var line = new ArrayBufferWriter<byte>(1024);
        int b;
        while ((b = file.ReadByte()) is not -1 and not '\n')
        {
            if (line.WrittenCount >= MaxHeaderLineBytes)
            {
                return null;
            }

            line.GetSpan(1)[0] = (byte)b;
            line.Advance(1);
        }

        var bodyStart = file.Position;
        if (b == -1 || file.Length - bodyStart != length)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(file, hash);
        Span<byte> hex = stackalloc byte[64];
        ToHex(hash, hex);
        if (!hex.SequenceEqual(recordedHash))
        {
            return null;
        }

        file.Position = bodyStart;
        try
        {
            using var json = JsonDocument.Parse(line.WrittenMemory);
            var root = json.RootElement;
            if (root.GetProperty("key").GetString() != key)
            {
                return null;
            }

            var headers = new List<KeyValuePair<string, string>>();
            foreach (var pair in root.GetProperty("headers").EnumerateArray())
            {
                headers.Add(new(pair[0].GetString()!, pair[1].GetString()!));
            }

            return new Entry(root.GetProperty("status").GetInt32(), root.GetProperty("reason").GetString(), headers);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The entry's second line: its key, URL, status and the response headers (but the framing ones, which the replay recomputes).</summary>
    private static byte[] HeaderLine(string key, Uri url, HttpResponseMessage response)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("key", key);
            writer.WriteString("url", url.AbsoluteUri);
            writer.WriteNumber("status", (int)response.StatusCode);
            writer.WriteString("reason", response.ReasonPhrase);
            writer.WriteStartArray("headers");
            foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
            {
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var value in values)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(name);
                    writer.WriteStringValue(value);
                    writer.WriteEndArray();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>Writes a whole entry (a response without a body) and moves it into place.</summary>
    private void Store(string path, byte[] header, ReadOnlySpan<byte> body)
    {
        var writer = EntryWriter.TryCreate(path, header);
        if (writer is not null && writer.TryAppend(body) && writer.TryFinish())
        {
            Commit(writer);
        }
        else
        {
            writer?.Abandon();
        }
    }

    /// <summary>Moves a finished entry into place and keeps the directory within its bound.</summary>
    private void Commit(EntryWriter writer)
    {
        lock (_accounting)
        {
            _bytes = _bytes < 0 ? Entries().Sum(f => f.Length) : _bytes;
            var replaced = File.Exists(writer.Path) ? new FileInfo(writer.Path).Length : 0;
            try
            {
                File.Move(writer.TemporaryPath, writer.Path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                writer.Abandon();
                return;
            }

            Interlocked.Increment(ref _stored);
            _bytes += writer.Length - replaced;
            if (_bytes <= _maxBytes)
            {
                return;
            }

            foreach (var file in Entries().OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
            {
                if (_bytes <= _maxBytes)
                {
                    break;
                }

                try
                {
                    var length = file.Length;
                    file.Delete();
                    _bytes -= length;
                    Interlocked.Increment(ref _evicted);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Gone already, or held: the next commit tries again.
                }
            }
        }
    }

    private IEnumerable<FileInfo> Entries() => new DirectoryInfo(_directory).EnumerateFiles("*" + Extension);

    /// <summary>Temporary files of entries a process did not finish (it crashed or was killed) an hour or more ago.</summary>
    private static void DeleteAbandoned(string directory)
    {
        var before = DateTime.UtcNow.AddHours(-1);
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*" + TemporaryExtension))
        {
            if (file.LastWriteTimeUtc < before)
            {
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    // Another process's: left alone.
                }
            }
        }
    }

    private static void ToHex(ReadOnlySpan<byte> bytes, Span<byte> hex)
    {
        const string digits = "0123456789abcdef";
        for (var i = 0; i < bytes.Length; i++)
        {
            hex[2 * i] = (byte)digits[bytes[i] >> 4];
            hex[(2 * i) + 1] = (byte)digits[bytes[i] & 0xF];
        }
    }

    private sealed record Entry(int Status, string? Reason, IReadOnlyList<KeyValuePair<string, string>> Headers);

    /// <summary>An entry being written to its temporary file: the first line reserved, then the header line, then the body.</summary>
    private sealed class EntryWriter
    {
        private readonly FileStream _file;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _bodyLength;

        private EntryWriter(string path, string temporaryPath, FileStream file)
        {
            Path = path;
            TemporaryPath = temporaryPath;
            _file = file;
        }

        public string Path { get; }

        public string TemporaryPath { get; }

        /// <summary>The whole file's length, once finished.</summary>
        public long Length { get; private set; }

        /// <summary>A writer, or <see langword="null"/> when the file cannot be created (the response is then not kept).</summary>
        public static EntryWriter? TryCreate(string path, byte[] header)
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N") + TemporaryExtension;
            try
            {
                var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 16384);
                file.Write(new byte[FirstLineLength]);
                file.Write(header);
                return new EntryWriter(path, temporary, file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(temporary);
                return null;
            }
        }

        public bool TryAppend(ReadOnlySpan<byte> bytes)
        {
            try
            {
                _file.Write(bytes);
                _hash.AppendData(bytes);
                _bodyLength += bytes.Length;
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>Writes the first line (the body's length and hash) and closes the file.</summary>
        public bool TryFinish()
        {
            try
            {
                Span<byte> first = stackalloc byte[FirstLineLength];
                Magic.CopyTo(first);
                var hex = Encoding.ASCII.GetBytes(_bodyLength.ToString("X16", System.Globalization.CultureInfo.InvariantCulture));
                hex.CopyTo(first[Magic.Length..]);
                first[Magic.Length + 16] = (byte)' ';
                Span<byte> hash = stackalloc byte[32];
                _hash.GetHashAndReset(hash);
                ToHex(hash, first.Slice(Magic.Length + 17, 64));
                first[^1] = (byte)'\n';
                _file.Position = 0;
                _file.Write(first);
                Length = _file.Length;
                _file.Dispose();
                _hash.Dispose();
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        public void Abandon()
        {
            _file.Dispose();
            _hash.Dispose();
            TryDelete(TemporaryPath);
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A temporary file left behind is never replayed; Open deletes it later.
            }
        }
    }

    /// <summary>A 2xx response's content: its body passes through to the reader and into an entry, kept when the reader reaches its end.</summary>
    private sealed class RecordingContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly DevelopmentHttpCache _cache;
        private readonly string _path;
        private readonly byte[] _header;

        public RecordingContent(HttpContent inner, DevelopmentHttpCache cache, string path, byte[] header)
        {
            _inner = inner;
            _cache = cache;
            _path = path;
            _header = header;
            foreach (var (name, values) in inner.Headers.NonValidated)
            {
                foreach (var value in values)
                {
                    Headers.TryAddWithoutValidation(name, value);
                }
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new RecordingStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _cache, _path, _header, _inner.Headers.ContentLength);

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Passes the body through and writes it to an entry, moved into place when the body ends; abandoned when the reader stops before.</summary>
    private sealed class RecordingStream(Stream source, DevelopmentHttpCache cache, string path, byte[] header, long? announced) : Stream
    {
        private EntryWriter? _entry = EntryWriter.TryCreate(path, header);
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
                    cache.Commit(entry);
                }
                else
                {
                    entry.Abandon();
                }
            }
        }
    }
}
