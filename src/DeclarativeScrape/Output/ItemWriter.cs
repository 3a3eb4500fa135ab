using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace DeclarativeScrape;

/// <summary>
/// Writes a run's items to <see cref="ScrapeOptions.OutputPath"/> as they arrive, in the format its extension names
/// (<see cref="ItemEncoder{TItem}"/>: JSON Lines, a JSON array or CSV, laid out by <see cref="OutputFraming"/>). Whole
/// records only reach the file: each is encoded into a buffer first, the buffer goes to the file when it fills and at
/// least every <see cref="FlushInterval"/>, so a killed process leaves every record up to the last flush complete (a JSON
/// array then lacks its closing <c>]</c>, written when the run ends). Thread-safe: parse workers write concurrently.
/// </summary>
/// <remarks>This is the writer of a run without a state directory; with one, <see cref="OutputProjection"/>
/// writes the file from the committed items instead (exactly once across crashes).</remarks>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
internal sealed class ItemWriter<TItem> : IDisposable
{
    /// <summary>The longest a written record waits in memory before it reaches the file.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>Buffered bytes that trigger a write to the file.</summary>
    public const int BufferThreshold = 64 * 1024;

    private readonly FileStream _file;
    private readonly ItemEncoder<TItem> _encoder;
    private readonly OutputFraming _framing;
    private readonly List<int> _ends = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(BufferThreshold * 2);
    private readonly ArrayBufferWriter<byte> _record = new(1024);
    private readonly ITimer _timer;
    private readonly object _lock = new();
    private bool _disposed;
    private bool _any;

    private ItemWriter(string path, ItemEncoder<TItem> encoder, OutputFraming framing, TimeProvider time)
    {
        _file = CreateFile(path);
        _encoder = encoder;
        _framing = framing;
        _file.Write(framing.Start);
        _timer = time.CreateTimer(static s => ((ItemWriter<TItem>)s!).Flush(), this, FlushInterval, FlushInterval);
    }

    /// <summary>The file format's name for <paramref name="path"/>, or <see langword="null"/> when its extension is not one.</summary>
    public static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => "jsonl",
        ".json" => "json",
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
                throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath), $"'{path}' must end in .jsonl or .ndjson (JSON Lines), .json (a JSON array) or .csv (CSV).");
            case "csv" when format.CsvColumns.Count == 0:
                throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath), $"'{path}' asks for CSV, but this scraper's items are not one table (several item types); use .jsonl.");
        }
    }

    /// <summary>Opens the writer for <paramref name="path"/> (validated by <see cref="Validate"/>), replacing the file.</summary>
    public static ItemWriter<TItem> Open(string path, ItemFormat<TItem> format, TimeProvider time)
    {
        var encoder = ItemEncoder<TItem>.For(OutputFraming.RecordFormatOf(FormatOf(path)!), format);
        return new(path, encoder, OutputFraming.For(FormatOf(path)!, encoder.Header), time);
    }

    /// <summary>Creates (or replaces) the file for writing, with its directory.</summary>
    internal static FileStream CreateFile(string path, FileMode mode = FileMode.Create)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new FileStream(path, mode, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    /// <summary>
    /// Appends a page's items, all or none: <see langword="false"/>, with nothing written, when encoding one of them
    /// throws (a user's <c>IFormattable</c>, say), and its page fails, not the run.
    /// </summary>
    public bool TryWrite(IReadOnlyList<TItem> items, [NotNullWhen(false)] out Exception? error)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _record.ResetWrittenCount();
            _ends.Clear();
            try
            {
                for (var i = 0; i < items.Count; i++)
                {
                    _encoder.Encode(items[i], _record);
                    _ends.Add(_record.WrittenCount);
                }
            }
            catch (Exception e)
            {
                error = e;
                return false;
            }

            var start = 0;
            foreach (var end in _ends)
            {
                _framing.Append(_buffer, _record.WrittenSpan[start..end], first: !_any);
                _any = true;
                start = end;
            }

            if (_buffer.WrittenCount >= BufferThreshold)
            {
                WriteBufferLocked();
            }

            error = null;
            return true;
        }
    }

    /// <summary>Sends what is buffered to the file.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (!_disposed && _buffer.WrittenCount > 0)
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
            _file.Write(_framing.End(_any));
            _disposed = true;
            _file.Dispose();
        }
    }

    private void WriteBufferLocked()
    {
        _file.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
