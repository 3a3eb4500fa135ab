using System.Security.Cryptography;
using System.Text;

namespace DeclarativeScrape;

/// <summary>
/// The development HTTP cache's files: one entry per request key, written whole or not at all (moved into place from a
/// temporary file), bounded by <see cref="HttpCacheOptions.MaxBytes"/> by deleting the entries written longest ago.
/// </summary>
internal sealed class HttpCacheDirectory
{
    /// <summary>The extension of an entry's file.</summary>
    public const string Extension = ".response";

    /// <summary>The extension of an entry being written.</summary>
    public const string TemporaryExtension = ".tmp";

    private readonly long _maxBytes;
    private readonly Lock _accounting = new();
    private long _bytes = -1;
    private long _stored;
    private long _evicted;

    private HttpCacheDirectory(string path, long maxBytes)
    {
        Path = path;
        _maxBytes = maxBytes;
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>How many entries were moved into place.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>How many entries were deleted to stay within the bound.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    /// <summary>The directory at <paramref name="directory"/>, created, without the temporary files abandoned an hour or more ago.</summary>
    /// <exception cref="ScrapeOptionsException">The directory cannot be created or written.</exception>
    public static HttpCacheDirectory Open(string directory, long maxBytes)
    {
        var full = System.IO.Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(full);
            DeleteAbandoned(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ScrapeOptionsException("HttpCache.Directory", $"'{full}' cannot be used as the development HTTP cache: {e.Message}");
        }

        return new HttpCacheDirectory(full, maxBytes);
    }

    /// <summary>The file of the entry of <paramref name="key"/>.</summary>
    public string PathOf(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return System.IO.Path.Combine(Path, Convert.ToHexStringLower(hash.AsSpan(0, 16)) + Extension);
    }

    /// <summary>Writes a whole entry (a response without a body) and moves it into place.</summary>
    public void Store(string path, byte[] header, ReadOnlySpan<byte> body)
    {
        var writer = HttpCacheEntryWriter.TryCreate(path, header);
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
    public void Commit(HttpCacheEntryWriter writer)
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

    private IEnumerable<FileInfo> Entries() => new DirectoryInfo(Path).EnumerateFiles("*" + Extension);

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
}
