using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// The PostgreSQL database of a shared crawl, opened by one worker: connected, checked (ours, this schema version,
/// written by this scraper with this <see cref="CrawlPlan{TItem}.SchemaFingerprint"/>) or created, under an advisory lock
/// so that workers starting together create it once. Every problem is a <see cref="ScrapeOptionsException"/> naming
/// <see cref="ScrapeOptions.StateDatabase"/> and the database (its password hidden).
/// </summary>
internal sealed class PgDatabase : IDisposable
{
    private PgDatabase(PostgreSqlUri uri, NpgsqlDataSource dataSource, bool created)
    {
        Uri = uri;
        DataSource = dataSource;
        Created = created;
    }

    /// <summary>The database's URI.</summary>
    public PostgreSqlUri Uri { get; }

    /// <summary>Connections to it.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Whether this open created the crawl's tables.</summary>
    public bool Created { get; }

    /// <summary>Connects to <paramref name="uri"/> and checks or creates the crawl of <paramref name="scraperName"/>.</summary>
    /// <param name="uri">The database.</param>
    /// <param name="scraperName">The scraper's name, kept in a new crawl and compared in an existing one.</param>
    /// <param name="fingerprint">The plan's schema fingerprint, likewise.</param>
    /// <param name="create">Whether a database without the crawl gets it created (a worker), or is refused (a reader: export, status).</param>
    /// <exception cref="ScrapeOptionsException">The database cannot be reached or used; the message says why.</exception>
    public static PgDatabase Open(PostgreSqlUri uri, string scraperName, string fingerprint, bool create = true)
    {
        var builder = new NpgsqlConnectionStringBuilder(uri.Settings.ConnectionString)
        {
            Pooling = true,
            MaxPoolSize = 8,
            ApplicationName = string.IsNullOrEmpty(uri.Settings.ApplicationName) ? "DeclarativeScrape worker" : uri.Settings.ApplicationName,
        };
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        try
        {
            using var connection = Connect(dataSource, uri);
            var created = CheckOrCreate(connection, uri, scraperName, fingerprint, create);
            return new PgDatabase(uri, dataSource, created);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>An error about the database, naming the option and the database.</summary>
    public static ScrapeOptionsException Problem(PostgreSqlUri uri, string message) =>
        new(nameof(ScrapeOptions.StateDatabase), $"'{uri.Display}' {message}");

    /// <summary>Whether <paramref name="e"/> means the database could not be reached (or went away), so trying again later may work.</summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
            || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01", // shutdown, cannot connect now, too many connections, serialization, deadlock
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    public void Dispose() => DataSource.Dispose();

    private static NpgsqlConnection Connect(NpgsqlDataSource dataSource, PostgreSqlUri uri)
    {
        try
        {
            return dataSource.OpenConnection();
        }
        catch (PostgresException e) when (e.SqlState == "3D000")
        {
            throw Problem(uri, $"cannot be used: the database '{uri.Settings.Database}' does not exist on the server ({e.MessageText}). Create it first (createdb {uri.Settings.Database}).");
        }
        catch (PostgresException e) when (e.SqlState is "28P01" or "28000")
        {
            throw Problem(uri, $"refused the connection: {e.MessageText}. Check the user and password in the URI.");
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            var where = uri.Settings.Host!.StartsWith('/') ? $"the Unix socket in {uri.Settings.Host}" : $"{uri.Settings.Host}:{uri.Settings.Port}";
            throw Problem(uri, $"cannot be reached: {Innermost(e).Message}. Is PostgreSQL running and accepting connections on {where}?");
        }
    }

    /// <returns>Whether the crawl was created now.</returns>
    private static bool CheckOrCreate(NpgsqlConnection connection, PostgreSqlUri uri, string scraperName, string fingerprint, bool create)
    {
        var s = uri.Schema;
        try
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, "SELECT pg_advisory_xact_lock(hashtext($1))", "declarativescrape:" + s);
            var schemaExists = (bool)Scalar(connection, "SELECT EXISTS (SELECT 1 FROM information_schema.schemata WHERE schema_name = $1)", s)!;
            var hasMeta = schemaExists && (bool)Scalar(connection, "SELECT to_regclass($1) IS NOT NULL", s + ".meta")!;
            if (!hasMeta)
            {
                var tables = schemaExists ? Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1", s), CultureInfo.InvariantCulture) : 0;
                if (tables > 0)
                {
                    throw Problem(uri, $"is not a DeclarativeScrape crawl: its schema '{s}' holds {tables} table(s) of something else and no crawl 'meta' table. Give the crawl a schema of its own (?schema=name in the URI) or another database.");
                }

                if (!create)
                {
                    throw Problem(uri, $"holds no crawl in schema '{s}' (no worker has run on it yet).");
                }

                foreach (var statement in PgSchema.Create(s))
                {
                    Execute(connection, statement);
                }

                void Set(string key, string value) => Execute(connection, $"INSERT INTO {s}.meta(key, value) VALUES ($1, $2)", key, value);
                Set(PgSchema.Version, PgSchema.CurrentVersion.ToString(CultureInfo.InvariantCulture));
                Set(PgSchema.Scraper, scraperName);
                Set(PgSchema.Fingerprint, fingerprint);
                Set(PgSchema.Created, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                Set(PgSchema.Admitted, "0");
                transaction.Commit();
                return true;
            }

            string? Read(string key)
            {
                try
                {
                    return Scalar(connection, $"SELECT value FROM {s}.meta WHERE key = $1", key) as string;
                }
                catch (PostgresException e) when (e.SqlState is "42703" or "42804")
                {
                    // undefined column, datatype mismatch: a 'meta' table of another shape.
                    throw Problem(uri, $"is not a DeclarativeScrape crawl: the table '{s}.meta' is not ours ({e.MessageText}). Give the crawl a schema of its own (?schema=name in the URI) or another database.");
                }
            }

            var version = Read(PgSchema.Version);
            if (version is null)
            {
                throw Problem(uri, $"is not a DeclarativeScrape crawl: the table '{s}.meta' has no schema version. Give the crawl a schema of its own (?schema=name in the URI) or another database.");
            }

            if (version != PgSchema.CurrentVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw Problem(uri, $"holds a crawl of state schema version {version}; this version of DeclarativeScrape reads version {PgSchema.CurrentVersion}. Finish that crawl with the version that started it, or use another schema.");
            }

            var storedScraper = Read(PgSchema.Scraper);
            var storedFingerprint = Read(PgSchema.Fingerprint);
            if (storedScraper != scraperName || storedFingerprint != fingerprint)
            {
                var what = storedScraper != scraperName
                    ? $"it was written by scraper '{storedScraper}' (schema fingerprint {storedFingerprint}), not by '{scraperName}' (fingerprint {fingerprint})"
                    : $"it was written by '{scraperName}' with schema fingerprint {storedFingerprint}, and the scraper's page types or fields have changed since (fingerprint now {fingerprint})";
                throw Problem(uri, $"holds an incompatible crawl in schema '{s}': {what}. Its URLs and items would not match this scraper's; use another schema (?schema=name) or drop this one to start over.");
            }

            transaction.Commit();
            return false;
        }
        catch (PostgresException e) when (e.SqlState == "42501")
        {
            throw Problem(uri, $"cannot be used: the user '{uri.Settings.Username}' may not create or read the crawl's tables in schema '{s}' ({e.MessageText}).");
        }
    }

    internal static void Execute(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    internal static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }
}
