namespace DeclarativeScrape;

/// <summary>
/// The output file of a run with a state directory: the <see cref="OutputProjection"/> of the committed items, whose
/// mark ("the first bytes hold exactly the items up to this one") is recorded in the state's <c>meta</c> table on open and
/// after every flush. Used by the state store's thread only.
/// </summary>
internal sealed class StateOutput : IDisposable
{
    private readonly OutputProjection _projection;
    private readonly StoreStatements _sql;

    private StateOutput(OutputProjection projection, StoreStatements sql)
    {
        _projection = projection;
        _sql = sql;
    }

    /// <summary>The output file (full path).</summary>
    public string Path => _projection.Path;

    /// <summary>What opening found and did (for the log).</summary>
    public string Repair => _projection.Repair;

    /// <summary>Whether committed records were appended since the last flush.</summary>
    public bool Dirty => _projection.Dirty;

    /// <summary>Opens the file, repairs it against the state's mark, appends the committed items it lacks and records the new mark.</summary>
    /// <exception cref="ScrapeOptionsException">The file cannot be written (naming <see cref="ScrapeOptions.OutputPath"/>), or the state cannot be read (naming <see cref="ScrapeOptions.StateDirectory"/>).</exception>
    public static StateOutput Open(StateDatabase db, StoreStatements sql, OutputFraming framing, string outputPath)
    {
        OutputMark? mark = db.ReadText(StateSchema.OutputPath) is { } markedPath
            ? new OutputMark(markedPath, db.ReadNumber(StateSchema.OutputSeq), db.ReadNumber(StateSchema.OutputLength))
            : null;
        try
        {
            var (projection, now) = OutputProjection.Open(outputPath, framing, mark, sql.ItemsAfter);
            var output = new StateOutput(projection, sql);
            try
            {
                output.RecordMark(now);
                return output;
            }
            catch
            {
                output.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException and not ScrapeOptionsException)
        {
            throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath), $"'{outputPath}' cannot be written: {e.Message}");
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw new ScrapeOptionsException(nameof(ScrapeOptions.StateDirectory), $"'{db.DatabasePath}' cannot be read or written while repairing the output '{outputPath}': {e.Message}");
        }
    }

    /// <summary>Appends a committed item's record (in commit order).</summary>
    public void Append(long seq, byte[] record) => _projection.Append(seq, record);

    /// <summary>Writes what is buffered, syncs the file and records its mark.</summary>
    public void Flush() => RecordMark(_projection.Flush());

    public void Dispose() => _projection.Dispose();

    private void RecordMark(OutputMark mark) => _sql.InTransaction(() =>
    {
        _sql.SetMeta(StateSchema.OutputPath, mark.Path);
        _sql.SetMeta(StateSchema.OutputSeq, mark.Seq);
        _sql.SetMeta(StateSchema.OutputLength, mark.Length);
    });
}
