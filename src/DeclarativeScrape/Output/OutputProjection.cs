using System.Buffers;

namespace DeclarativeScrape;

/// <summary>How far an output file is known to be good: its first <see cref="Length"/> bytes hold exactly the committed items up to <see cref="Seq"/>.</summary>
/// <param name="Path">The output file (full path).</param>
/// <param name="Seq">The last item in that prefix (0 for none).</param>
/// <param name="Length">The prefix's length in bytes (a CSV header included).</param>
internal readonly record struct OutputMark(string Path, long Seq, long Length);

/// <summary>
/// The output file of a run with a state directory: a projection of the committed items, in commit order. Records
/// are appended only after their items are committed; <see cref="Flush"/> writes them and syncs the file, and returns
/// the new <see cref="OutputMark"/> for the state to record. On open, the file is cut back to the recorded mark (a torn
/// last line, or items written after the last recorded mark, are dropped) and the committed items after the mark are
/// appended again, so the file holds every committed item exactly once.
/// </summary>
/// <remarks>Used by one thread (the state store's).</remarks>
internal sealed class OutputProjection : IDisposable
{
    private readonly FileStream _file;
    private readonly OutputFraming _framing;
    private readonly ArrayBufferWriter<byte> _buffer = new(ItemWriter<object>.BufferThreshold * 2);
    private long _seq;
    private long _flushedSeq;

    private OutputProjection(string path, FileStream file, OutputFraming framing, long seq)
    {
        Path = path;
        _file = file;
        _framing = framing;
        _seq = seq;
    }

    /// <summary>The output file (full path).</summary>
    public string Path { get; }

    /// <summary>What <see cref="Open"/> found and did.</summary>
    public string Repair { get; private set; } = string.Empty;

    /// <summary>Whether records were appended since the last <see cref="Flush"/>.</summary>
    public bool Dirty => _buffer.WrittenCount > 0 || _seq != _flushedSeq;

    /// <summary>Opens the output file, repairs it against <paramref name="mark"/>, and appends the committed items it lacks.</summary>
    /// <param name="path">The output file.</param>
    /// <param name="framing">The file's layout (its start, the records, its end).</param>
    /// <param name="mark">The last recorded mark, or <see langword="null"/> for a fresh state.</param>
    /// <param name="committedAfter">The committed items after a sequence number, in order, as (seq, record bytes).</param>
    /// <returns>The projection and the mark to record now.</returns>
    public static (OutputProjection Projection, OutputMark Mark) Open(string path, OutputFraming framing, OutputMark? mark, Func<long, IEnumerable<(long Seq, byte[] Record)>> committedAfter)
    {
        var full = System.IO.Path.GetFullPath(path);
        FileStream file;
        long after;
        string repair;
        var existing = File.Exists(full) ? new FileInfo(full).Length : -1;
        if (mark is { } known && known.Path == full && existing >= known.Length)
        {
            // A complete file ends after the mark with the file's end (a JSON array's ']'): cut, and written again at the end.
            repair = existing == known.Length || EndsWith(full, known.Length, framing.End(known.Seq > 0))
                ? "intact"
                : $"cut {existing - known.Length} bytes written after the last recorded record (a torn line or uncommitted items)";
            file = ItemWriter<object>.CreateFile(full, FileMode.Open);
            file.SetLength(known.Length);
            file.Position = known.Length;
            after = known.Seq;
        }
        else
        {
            file = ItemWriter<object>.CreateFile(full);
            file.Write(framing.Start);
            after = 0;
            repair = mark is null ? "new"
                : mark.Value.Path != full ? $"rewritten from the state (the state's output was '{mark.Value.Path}')"
                : existing < 0 ? "rewritten from the state (the file was missing)"
                : $"rewritten from the state (the file was {existing} bytes, shorter than the {mark.Value.Length} recorded)";
        }

        var projection = new OutputProjection(full, file, framing, after) { _flushedSeq = after };
        try
        {
            var appended = 0L;
            foreach (var (seq, record) in committedAfter(after))
            {
                projection.Append(seq, record);
                appended++;
            }

            projection.Repair = appended > 0 ? $"{repair}; {appended} committed items appended" : repair;
            return (projection, projection.Flush());
        }
        catch
        {
            projection.Dispose();
            throw;
        }
    }

    /// <summary>Appends a committed item's record (in commit order).</summary>
    public void Append(long seq, ReadOnlySpan<byte> record)
    {
        _framing.Append(_buffer, record, first: _seq == 0);
        _seq = seq;
        if (_buffer.WrittenCount >= ItemWriter<object>.BufferThreshold)
        {
            WriteBuffer();
        }
    }

    /// <summary>Writes what is buffered, syncs the file to disk and returns the mark that now holds.</summary>
    public OutputMark Flush()
    {
        WriteBuffer();
        _file.Flush(flushToDisk: true);
        _flushedSeq = _seq;
        return new OutputMark(Path, _seq, _file.Length);
    }

    /// <summary>Writes what is buffered and the file's end (a JSON array's <c>]</c>, after the last recorded mark: a resumed run cuts it off and goes on), and closes the file.</summary>
    public void Dispose()
    {
        try
        {
            WriteBuffer();
            _file.Write(_framing.End(_seq > 0));
        }
        catch (IOException)
        {
            // Best effort: the mark holds what is good, and a resumed run repairs the rest.
        }
        finally
        {
            _file.Dispose();
        }
    }

    /// <summary>Whether the bytes of the file at <paramref name="path"/> after <paramref name="length"/> are exactly <paramref name="end"/>.</summary>
    private static bool EndsWith(string path, long length, ReadOnlySpan<byte> end)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (end.IsEmpty || file.Length != length + end.Length)
        {
            return false;
        }

        var tail = new byte[end.Length];
        file.Position = length;
        file.ReadExactly(tail);
        return end.SequenceEqual(tail);
    }

    private void WriteBuffer()
    {
        if (_buffer.WrittenCount > 0)
        {
            _file.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }
}
