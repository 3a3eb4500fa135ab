using System.Net;

namespace DeclarativeScrape;

/// <summary>A 2xx response's content: its body passes through to the reader and into an entry, kept when the reader reaches its end.</summary>
internal sealed class HttpCacheRecordingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly HttpCacheDirectory _directory;
    private readonly string _path;
    private readonly byte[] _header;

    public HttpCacheRecordingContent(HttpContent inner, HttpCacheDirectory directory, string path, byte[] header)
    {
        _inner = inner;
        _directory = directory;
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
        new HttpCacheRecordingStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _directory, _path, _header, _inner.Headers.ContentLength);

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
