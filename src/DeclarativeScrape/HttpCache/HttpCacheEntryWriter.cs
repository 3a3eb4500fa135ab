using System.Security.Cryptography;

namespace DeclarativeScrape;

/// <summary>
/// An entry being written to its temporary file: the first line reserved, then the header line, then the body; the first
/// line (the body's length and hash) is written when it is finished. <see cref="HttpCacheDirectory.Commit"/> moves it into place.
/// </summary>
internal sealed class HttpCacheEntryWriter
{
    private readonly FileStream _file;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _bodyLength;

    private HttpCacheEntryWriter(string path, string temporaryPath, FileStream file)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        _file = file;
    }

    /// <summary>The entry's file, once committed.</summary>
    public string Path { get; }

    /// <summary>The file being written.</summary>
    public string TemporaryPath { get; }

    /// <summary>The whole file's length, once finished.</summary>
    public long Length { get; private set; }

    /// <summary>A writer, or <see langword="null"/> when the file cannot be created (the response is then not kept).</summary>
    public static HttpCacheEntryWriter? TryCreate(string path, byte[] header)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + HttpCacheDirectory.TemporaryExtension;
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 16384);
            file.Write(new byte[HttpCacheEntryFormat.FirstLineLength]);
            file.Write(header);
            return new HttpCacheEntryWriter(path, temporary, file);
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
            Span<byte> first = stackalloc byte[HttpCacheEntryFormat.FirstLineLength];
            Span<byte> hash = stackalloc byte[32];
            _hash.GetHashAndReset(hash);
            HttpCacheEntryFormat.WriteFirstLine(first, _bodyLength, hash);
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
            // A temporary file left behind is never replayed; opening the cache deletes it later.
        }
    }
}
