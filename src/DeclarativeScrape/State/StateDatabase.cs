using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DeclarativeScrape;

/// <summary>
/// The SQLite database of a <see cref="ScrapeOptions.StateDirectory"/>, opened for one run: the directory created when
/// missing, the lock file taken (one run per directory), the file checked (a database, intact, of this schema version,
/// written by this scraper with this <see cref="CrawlPlan{TItem}.SchemaFingerprint"/>), or created with its schema.
/// Every problem is a <see cref="ScrapeOptionsException"/> naming <see cref="ScrapeOptions.StateDirectory"/> and the file.
/// </summary>
/// <remarks>
/// Settings: WAL journal, <c>synchronous=NORMAL</c> (a commit survives the process being killed; after a power loss
/// the database is intact but its last commits may be rolled back, which the crawl redoes), exclusive locking mode
/// (no shared-memory index, no other connection), connection pooling off (closing really closes the file).
/// The schema is in <see cref="StateSchema"/>.
/// </remarks>
internal sealed class StateDatabase : IDisposable
{
    /// <summary>The database file's name in the directory (its WAL is <c>crawl.sqlite-wal</c>).</summary>
    public const string DatabaseFileName = "crawl.sqlite";

    /// <summary>The lock file's name: held (an advisory exclusive lock) while a run uses the directory.</summary>
    public const string LockFileName = "crawl.lock";

    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly FileStream _lock;

    private StateDatabase(string directory, string databasePath, FileStream lockFile, SqliteConnection connection, bool created, string itemFormat)
    {
        ItemFormat = itemFormat;
        Directory = directory;
        DatabasePath = databasePath;
        _lock = lockFile;
        Connection = connection;
        Created = created;
    }

    /// <summary>The state directory (full path).</summary>
    public string Directory { get; }

    /// <summary>The database file (full path).</summary>
    public string DatabasePath { get; }

    /// <summary>The one connection, used by one thread at a time.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Whether this open created the database (a fresh crawl).</summary>
    public bool Created { get; }

    /// <summary>The encoding the items are kept in: <c>jsonl</c> or <c>csv</c>, fixed when the state was created.</summary>
    public string ItemFormat { get; }

    /// <summary>Opens (or creates) the state of <paramref name="scraperName"/> in <paramref name="directory"/>.</summary>
    /// <param name="directory">The state directory; created when missing.</param>
    /// <param name="scraperName">The scraper's name, kept in a new database and compared in an existing one.</param>
    /// <param name="fingerprint">The plan's schema fingerprint, likewise.</param>
    /// <param name="itemFormat">The output file's format (<c>jsonl</c> or <c>csv</c>): a new state keeps its items in it, an
    /// existing one must keep them in it already; <see langword="null"/> without an output file (a new state keeps JSON Lines).</param>
    /// <exception cref="ScrapeOptionsException">The directory or its files cannot be used; the message says why and names the file.</exception>
    public static StateDatabase Open(string directory, string scraperName, string fingerprint, string? itemFormat)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full))
        {
            throw Problem($"'{full}' is a file, not a directory.");
        }

        try
        {
            System.IO.Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Problem($"the directory '{full}' cannot be created: {e.Message}");
        }

        var databasePath = Path.Combine(full, DatabaseFileName);
        var lockFile = TakeLock(Path.Combine(full, LockFileName), databasePath);
        SqliteConnection? connection = null;
        try
        {
            if (!File.Exists(databasePath) && File.Exists(databasePath + "-wal"))
            {
                throw Problem($"'{databasePath}' is missing but its write-ahead log '{databasePath}-wal' is there: the state is incomplete. Restore the file, or delete the directory to start over.");
            }

            var existed = File.Exists(databasePath) && new FileInfo(databasePath).Length > 0;
            connection = Connect(databasePath);
            var created = !HasTables(connection, databasePath, existed);
            if (created)
            {
                itemFormat ??= "jsonl";
                Create(connection, scraperName, fingerprint, itemFormat);
            }
            else
            {
                itemFormat = Check(connection, databasePath, scraperName, fingerprint, itemFormat);
            }

            return new StateDatabase(full, databasePath, lockFile, connection, created, itemFormat);
        }
        catch
        {
            connection?.Dispose();
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the existing state of <paramref name="scraperName"/> in <paramref name="directory"/> to read it (between runs:
    /// it takes the lock as a run does), creating nothing: a missing directory or database is an error naming it.
    /// </summary>
    /// <exception cref="ScrapeOptionsException">There is no state there, or it cannot be used; the message names the file.</exception>
    public static StateDatabase OpenExisting(string directory, string scraperName, string fingerprint)
    {
        var databasePath = Path.Combine(Path.GetFullPath(directory), DatabaseFileName);
        if (!File.Exists(databasePath) || new FileInfo(databasePath).Length == 0)
        {
            throw Problem($"'{Path.GetFullPath(directory)}' holds no crawl state ('{databasePath}' is missing): give the directory a run was started with (--state DIR).");
        }

        return Open(directory, scraperName, fingerprint, itemFormat: null);
    }

    /// <summary>A meta value as a number (0 when absent).</summary>
    public long ReadNumber(string key) => Convert.ToInt64(ReadMeta(Connection, key) ?? 0L, CultureInfo.InvariantCulture);

    /// <summary>A meta value as text (<see langword="null"/> when absent).</summary>
    public string? ReadText(string key) => ReadMeta(Connection, key) as string;

    /// <summary>Runs one statement outside the prepared ones (set-up work).</summary>
    public long Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Closes the database (checkpointing its WAL) and releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            Connection.Dispose();
        }
        finally
        {
            _lock.Dispose();
        }
    }

    /// <summary>An error about the state directory.</summary>
    public static ScrapeOptionsException Problem(string message) => new(nameof(ScrapeOptions.StateDirectory), message);

    private static FileStream TakeLock(string lockPath, string databasePath)
    {
        try
        {
            // FileShare.None takes an advisory exclusive lock (flock on Unix): a second run, in this process or another,
            // is refused; the operating system drops it when the process dies, however it dies.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException e) when (IsLockConflict(e))
        {
            throw Problem($"'{databasePath}' is in use by another run (its lock file '{lockPath}' is held). One run at a time may use a state directory.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Problem($"the lock file '{lockPath}' cannot be opened: {e.Message}");
        }
    }

    /// <summary>The lock is held elsewhere: EWOULDBLOCK from flock on Unix; a sharing or lock violation on Windows.</summary>
    private static bool IsLockConflict(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult is 11 or 35;

    private static SqliteConnection Connect(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA locking_mode=EXCLUSIVE");
            var mode = ExecuteScalar(connection, "PRAGMA journal_mode=WAL") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw Problem($"'{databasePath}' cannot use a write-ahead log (journal mode '{mode}').");
            }

            Execute(connection, "PRAGMA synchronous=NORMAL");
            Execute(connection, "PRAGMA cache_size=-8192");
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Unusable(databasePath, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether the database has tables; an existing file is checked for integrity first.</summary>
    private static bool HasTables(SqliteConnection connection, string databasePath, bool existed)
    {
        try
        {
            if (existed && ExecuteScalar(connection, "PRAGMA quick_check") is string verdict && verdict != "ok")
            {
                throw Problem($"'{databasePath}' is damaged (SQLite's quick_check: {verdict}). Delete the state directory to start over.");
            }

            return Convert.ToInt64(ExecuteScalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException e)
        {
            throw Unusable(databasePath, e);
        }
    }

    private static ScrapeOptionsException Unusable(string databasePath, SqliteException e) => e.SqliteErrorCode switch
    {
        SqliteNotADatabase => Problem($"'{databasePath}' is not a DeclarativeScrape state database (not an SQLite file). Delete it, or point StateDirectory elsewhere."),
        SqliteCorrupt => Problem($"'{databasePath}' is damaged ({e.Message}). Delete the state directory to start over."),
        _ => Problem($"'{databasePath}' cannot be opened: {e.Message}"),
    };

    private static void Create(SqliteConnection connection, string scraperName, string fingerprint, string itemFormat)
    {
        // One transaction: a process killed while creating leaves no tables, and the next run creates them again.
        using var transaction = connection.BeginTransaction();
        foreach (var statement in StateSchema.Create)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }

        void Set(string key, object value)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO meta(key, value) VALUES ($key, $value)";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$value", value);
            command.ExecuteNonQuery();
        }

        Set(StateSchema.Version, StateSchema.CurrentVersion);
        Set(StateSchema.Scraper, scraperName);
        Set(StateSchema.Fingerprint, fingerprint);
        Set(StateSchema.ItemFormat, itemFormat);
        Set(StateSchema.Created, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        foreach (var counter in StateSchema.Counters)
        {
            Set(counter, 0L);
        }

        transaction.Commit();
    }

    /// <returns>The stored item format.</returns>
    private static string Check(SqliteConnection connection, string databasePath, string scraperName, string fingerprint, string? itemFormat)
    {
        object? Read(string key)
        {
            try
            {
                return ReadMeta(connection, key);
            }
            catch (SqliteException)
            {
                throw Problem($"'{databasePath}' is an SQLite database but not a DeclarativeScrape state (it has no meta table). Point StateDirectory elsewhere.");
            }
        }

        var version = Convert.ToInt64(Read(StateSchema.Version) ?? 0L, CultureInfo.InvariantCulture);
        if (version != StateSchema.CurrentVersion)
        {
            throw Problem($"'{databasePath}' has state schema version {version}; this version of DeclarativeScrape reads version {StateSchema.CurrentVersion}. Finish that crawl with the version that started it, or delete the directory to start over.");
        }

        var storedScraper = Read(StateSchema.Scraper) as string;
        var storedFingerprint = Read(StateSchema.Fingerprint) as string;
        if (storedScraper != scraperName || storedFingerprint != fingerprint)
        {
            var what = storedScraper != scraperName
                ? $"it was written by scraper '{storedScraper}' (schema fingerprint {storedFingerprint}), not by '{scraperName}' (fingerprint {fingerprint})"
                : $"it was written by '{scraperName}' with schema fingerprint {storedFingerprint}, and the scraper's page types or fields have changed since (fingerprint now {fingerprint})";
            throw Problem($"'{databasePath}' holds an incompatible crawl: {what}. Its URLs and items would not match this scraper's; use another state directory, or delete this one to start over.");
        }

        var storedFormat = Read(StateSchema.ItemFormat) as string ?? "jsonl";
        if (itemFormat is not null && storedFormat != itemFormat)
        {
            throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath), $"the state '{databasePath}' keeps its items as {Describe(storedFormat)}, so the output must be {Describe(storedFormat)} too, not {Describe(itemFormat)}. Use a {(storedFormat == "csv" ? ".csv" : ".jsonl")} output file, or another state directory.");
        }

        return storedFormat;
    }

    private static string Describe(string? format) => format == "csv" ? "CSV" : "JSON Lines";

    private static object? ReadMeta(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? ExecuteScalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
