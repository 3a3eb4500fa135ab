namespace DeclarativeScrape;

/// <summary>
/// Writes a run's items to <see cref="ScrapeOptions.OutputPath"/> as they arrive: JSON Lines
/// (<see cref="JsonLinesItemWriter{TItem}"/>) or CSV (<see cref="CsvItemWriter{TItem}"/>). Whole records only reach the
/// file: each is formatted into a buffer first, the buffer goes to the file when it fills and at least every
/// <see cref="FlushInterval"/>, so a killed process leaves every record up to the last flush complete.
/// Thread-safe: parse workers write concurrently.
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
internal abstract class ItemWriter<TItem> : IDisposable
{
    /// <summary>The longest a written record waits in memory before it reaches the file.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>Buffered bytes that trigger a write to the file.</summary>
    public const int BufferThreshold = 64 * 1024;

    private readonly FileStream _file;
    private readonly ITimer _timer;
    private readonly object _lock = new();
    private bool _dirty;
    private bool _disposed;

    protected ItemWriter(string path, TimeProvider time)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _timer = time.CreateTimer(static s => ((ItemWriter<TItem>)s!).Flush(), this, FlushInterval, FlushInterval);
    }

    /// <summary>The file format's name for <paramref name="path"/>, or <see langword="null"/> when its extension is not one.</summary>
    public static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" or ".json" => "jsonl",
        ".csv" => "csv",
        _ => null,
    };

    /// <summary>Checks <see cref="ScrapeOptions.OutputPath"/> against the plan at start-up.</summary>
    /// <exception cref="ScrapeOptionsException">An unknown extension, or CSV for items that are not one table.</exception>
    public static void Validate(string? path, ItemFormat<TItem> format)
    {
        if (path is null)
        {
            return;
        }

        switch (FormatOf(path))
        {
            case null:
                throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath), $"'{path}' must end in .jsonl, .ndjson or .json (JSON Lines) or .csv (CSV).");
            case "csv" when format.CsvColumns.Count == 0:
                throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath), $"'{path}' asks for CSV, but this scraper's items are not one table (several item types); use .jsonl.");
        }
    }

    /// <summary>Opens the writer for <paramref name="path"/> (validated by <see cref="Validate"/>).</summary>
    public static ItemWriter<TItem> Open(string path, ItemFormat<TItem> format, TimeProvider time) =>
        FormatOf(path) == "csv" ? new CsvItemWriter<TItem>(path, format, time) : new JsonLinesItemWriter<TItem>(path, format, time);

    /// <summary>Appends one item.</summary>
    public void Write(TItem item)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Format(item);
            _dirty = true;
            if (BufferedBytes >= BufferThreshold)
            {
                WriteBufferLocked();
            }
        }
    }

    /// <summary>Sends what is buffered to the file.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (!_disposed && _dirty)
            {
                WriteBufferLocked();
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            WriteBufferLocked();
            _disposed = true;
            _file.Dispose();
        }
    }

    /// <summary>Bytes formatted and not yet written.</summary>
    protected abstract int BufferedBytes { get; }

    /// <summary>Formats one whole record (with its line end) into the buffer.</summary>
    protected abstract void Format(TItem item);

    /// <summary>The buffered bytes; <see cref="ClearBuffer"/> follows.</summary>
    protected abstract ReadOnlySpan<byte> Buffered { get; }

    protected abstract void ClearBuffer();

    /// <summary>Writes bytes straight to the file (a header).</summary>
    protected void WriteRaw(ReadOnlySpan<byte> bytes) => _file.Write(bytes);

    private void WriteBufferLocked()
    {
        _file.Write(Buffered);
        _file.Flush();
        ClearBuffer();
        _dirty = false;
    }
}
