using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DeclarativeScrape;

/// <summary>
/// One prepared statement on the connection's native SQLite handle: parameters bound by position, stepped, reset.
/// The state store runs tens of thousands of small statements a second on one thread; this skips the ADO.NET layer's
/// per-execution work (a data reader per call, parameters looked up by name, boxing).
/// </summary>
internal sealed class Statement : IDisposable
{
    private const int Row = 100;
    private const int Done = 101;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public Statement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Binds parameter <paramref name="index"/> (from 1).</summary>
    public Statement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    /// <inheritdoc cref="Bind(int, long)"/>
    public Statement Bind(int index, long? value) => value is { } v ? Bind(index, v) : BindNull(index);

    /// <inheritdoc cref="Bind(int, long)"/>
    public Statement Bind(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    /// <inheritdoc cref="Bind(int, long)"/>
    public Statement Bind(int index, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(_statement, index, value));
        return this;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Run()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result is not (Done or Row))
        {
            Check(result);
        }
    }

    /// <summary>Moves to the next row; <see langword="false"/> (and reset) after the last.</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == Row)
        {
            return true;
        }

        raw.sqlite3_reset(_statement);
        if (result != Done)
        {
            Check(result);
        }

        return false;
    }

    /// <summary>Stops reading rows before the last.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    /// <summary>A column of the current row (from 0).</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <inheritdoc cref="Int64"/>
    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>Whether the current row's <paramref name="column"/> is NULL.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <inheritdoc cref="Int64"/>
    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private Statement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    private void Check(int result)
    {
        if (result != 0)
        {
            SqliteException.ThrowExceptionForRC(result, _db);
        }
    }
}
