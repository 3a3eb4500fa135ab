using Microsoft.Data.Sqlite;

namespace DeclarativeScrape;

/// <summary>
/// Reads a state directory as a whole, between runs: its status (URLs by outcome, per-host queues) and its items (the
/// export), as <see cref="CrawlState"/> does for a shared database. It opens the directory as a run does (the lock, the
/// checks of scraper and schema fingerprint), so while a run uses the directory it is refused, naming the file.
/// </summary>
internal static class StateDirectoryReader
{
    /// <summary>Writes the state's committed items to <paramref name="path"/> in commit order (<see cref="ItemExport"/>).</summary>
    /// <returns>The items written.</returns>
    /// <exception cref="ScrapeOptionsException">No state there, it cannot be used, or it keeps its items in a format the file cannot take.</exception>
    public static async Task<long> ExportAsync<TItem>(CrawlPlan<TItem> plan, string directory, string path, CancellationToken cancellationToken)
    {
        var format = ItemExport.RecordFormatFor(plan, path);
        using var db = StateDatabase.OpenExisting(directory, plan.Name, plan.SchemaFingerprint);
        if (db.ItemFormat != format)
        {
            // The records are kept as the bytes of one format; the other cannot be made from them without the items' types.
            throw new ScrapeOptionsException(
                nameof(ScrapeOptions.OutputPath),
                db.ItemFormat == "csv"
                    ? $"'{path}': the state '{db.DatabasePath}' keeps its items as CSV rows (its runs wrote CSV), so they export as .csv only."
                    : $"'{path}': the state '{db.DatabasePath}' keeps its items as JSON, so they export as .jsonl, .ndjson or .json, not as CSV.");
        }

        return await ItemExport.WriteAsync(plan, path, Records(db).ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The state's progress: URLs by outcome, items, runs, the hosts with the most URLs queued.</summary>
    /// <exception cref="ScrapeOptionsException">No state there, or it cannot be used.</exception>
    public static CrawlStatus Status<TItem>(CrawlPlan<TItem> plan, string directory)
    {
        using var db = StateDatabase.OpenExisting(directory, plan.Name, plan.SchemaFingerprint);
        try
        {
            using var counts = Command(db, """
                SELECT count(*), coalesce(sum(state = 0), 0),
                       coalesce(sum(state = 1 AND kind = 0), 0), coalesce(sum(state = 1 AND kind = 1), 0), coalesce(sum(state = 1 AND kind = 2), 0)
                FROM url
                """);
            using var reader = counts.ExecuteReader();
            reader.Read();
            var hosts = new List<HostStatus>();
            using (var command = Command(db, $"SELECT h.name, (SELECT count(*) FROM url u WHERE u.host_id = h.id AND u.state = 0) FROM host h ORDER BY 2 DESC, 1 LIMIT {CrawlStatus.MaxHosts}"))
            using (var rows = command.ExecuteReader())
            {
                while (rows.Read())
                {
                    hosts.Add(new HostStatus(rows.GetString(0), rows.GetInt64(1)));
                }
            }

            return new CrawlStatus
            {
                Scraper = db.ReadText(StateSchema.Scraper) ?? plan.Name,
                Location = $"{db.Directory} (state directory)",
                Created = db.ReadText(StateSchema.Created) ?? "-",
                Admitted = reader.GetInt64(0),
                Queued = reader.GetInt64(1),
                Processed = reader.GetInt64(2),
                Skipped = reader.GetInt64(3),
                Failed = reader.GetInt64(4),
                Items = db.Scalar("SELECT count(*) FROM item"),
                Runs = db.ReadNumber(StateSchema.Runs),
                Hosts = hosts,
            };
        }
        catch (SqliteException e)
        {
            throw StateDatabase.Problem($"'{db.DatabasePath}' cannot be read: {e.Message}");
        }
    }

    private static IEnumerable<byte[]> Records(StateDatabase db)
    {
        using var command = Command(db, "SELECT data FROM item ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (byte[])reader[0];
        }
    }

    private static SqliteCommand Command(StateDatabase db, string sql)
    {
        var command = db.Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
