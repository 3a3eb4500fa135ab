using Microsoft.Data.Sqlite;

namespace DeclarativeScrape;

/// <summary>The state store's prepared statements, built once and reused (parameters by position).</summary>
internal sealed class StoreStatements : IDisposable
{
    private readonly List<SqliteCommand> _all = [];

    public StoreStatements(SqliteConnection connection)
    {
        SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            command.Prepare();
            _all.Add(command);
            return command;
        }

        Begin = Prepare("BEGIN");
        Commit = Prepare("COMMIT");
        Rollback = Prepare("ROLLBACK");
        FindUrl = Prepare("SELECT url FROM url WHERE key = $key", "$key");
        InsertUrl = Prepare("INSERT INTO url(id, key, url, host_id, page_type, depth, state) VALUES ($id, $key, $url, $host, $page, $depth, 0)", "$id", "$key", "$url", "$host", "$page", "$depth");
        CompleteUrl = Prepare("UPDATE url SET state = 1, kind = $kind, reason = $reason, status = $status, attempts = $attempts, final_url = $final, message = $message WHERE id = $id", "$kind", "$reason", "$status", "$attempts", "$final", "$message", "$id");
        InsertItem = Prepare("INSERT INTO item(seq, url_id, data) VALUES ($seq, $url, $data)", "$seq", "$url", "$data");
        InsertHost = Prepare("INSERT INTO host(id, name) VALUES ($id, $name)", "$id", "$name");
        AddToCounter = Prepare("UPDATE meta SET value = value + $count WHERE key = $key", "$count", "$key");
        SetMeta = Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ($key, $value)", "$key", "$value");
        Queued = Prepare("SELECT id, url, page_type, depth FROM url WHERE state = 0 AND host_id = $host AND id > $after ORDER BY id LIMIT $limit", "$host", "$after", "$limit");
        ItemsAfter = Prepare("SELECT seq, data FROM item WHERE seq > $after ORDER BY seq", "$after");
    }

    public SqliteCommand Begin { get; }

    public SqliteCommand Commit { get; }

    public SqliteCommand Rollback { get; }

    public SqliteCommand FindUrl { get; }

    public SqliteCommand InsertUrl { get; }

    public SqliteCommand CompleteUrl { get; }

    public SqliteCommand InsertItem { get; }

    public SqliteCommand InsertHost { get; }

    public SqliteCommand AddToCounter { get; }

    public SqliteCommand SetMeta { get; }

    public SqliteCommand Queued { get; }

    public SqliteCommand ItemsAfter { get; }

    /// <summary>Sets the parameters in order and runs the statement.</summary>
    public static void Run(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    /// <summary>Sets the parameters in order.</summary>
    public static void Bind(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }
}
