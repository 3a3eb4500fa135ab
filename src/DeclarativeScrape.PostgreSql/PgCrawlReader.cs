using System.Buffers;
using System.Globalization;
using Npgsql;

namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// Reads a shared crawl as a whole, from any process, during or after the crawl: its summary (what the last worker out
/// prints), its status (URLs by outcome, per-host queues, workers alive) and its items (the export). Each read is one
/// consistent snapshot (a repeatable-read transaction).
/// </summary>
internal static class PgCrawlReader
{
    /// <summary>The whole crawl's counts, as a <see cref="ScrapeSummary"/> of every worker together.</summary>
    public static SharedCrawlSummary Summarize<TItem>(NpgsqlConnection connection, PostgreSqlUri uri, CrawlPlan<TItem> plan)
    {
        var s = uri.Schema;
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var skipped = new Dictionary<SkipReason, long>();
        var failed = new Dictionary<FailureReason, long>();
        long processed = 0;
        long open = 0;
        long admitted = 0;
        using (var command = PgDatabase.Command(connection, $"SELECT state = 2, kind, reason, count(*) FROM {s}.url GROUP BY 1, 2, 3"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var count = reader.GetInt64(3);
                admitted += count;
                if (!reader.GetBoolean(0))
                {
                    open += count;
                    continue;
                }

                var reason = reader.GetInt16(2);
                switch ((OutcomeKind)reader.GetInt16(1))
                {
                    case OutcomeKind.Processed:
                        processed += count;
                        break;
                    case OutcomeKind.Skipped:
                        skipped[(SkipReason)reason] = skipped.GetValueOrDefault((SkipReason)reason) + count;
                        break;
                    default:
                        failed[(FailureReason)reason] = failed.GetValueOrDefault((FailureReason)reason) + count;
                        break;
                }
            }
        }

        long workers = 0, requests = 0, bytes = 0, retries = 0, atAdmission = 0;
        DateTime? started = null;
        using (var command = PgDatabase.Command(connection, $"SELECT skipped, requests, bytes, retries, started_at FROM {s}.worker"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                workers++;
                var counts = reader.GetFieldValue<long[]>(0);
                for (var reason = 0; reason < counts.Length; reason++)
                {
                    if (counts[reason] > 0)
                    {
                        skipped[(SkipReason)reason] = skipped.GetValueOrDefault((SkipReason)reason) + counts[reason];
                        atAdmission += counts[reason];
                    }
                }

                requests += reader.GetInt64(1);
                bytes += reader.GetInt64(2);
                retries += reader.GetInt64(3);
                var start = reader.GetDateTime(4);
                started = started is null || start < started ? start : started;
            }
        }

        var items = (long)PgDatabase.Scalar(connection, $"SELECT count(*) FROM {s}.item")!;
        var now = (DateTime)PgDatabase.Scalar(connection, "SELECT now()")!;
        var failures = new List<UrlOutcome>();
        using (var command = PgDatabase.Command(connection, $"SELECT url, page_type, depth, reason, status, attempts, final_url, message FROM {s}.url WHERE state = 2 AND kind = 2 ORDER BY id LIMIT $1", ScrapeSummary.MaxFailuresKept))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var pageType = reader.GetInt32(1);
                failures.Add(new UrlOutcome
                {
                    Url = reader.GetString(0),
                    Kind = OutcomeKind.Failed,
                    PageType = pageType < plan.Pages.Count ? plan.Pages[pageType].Name : pageType.ToString(CultureInfo.InvariantCulture),
                    Depth = reader.GetInt32(2),
                    FailureReason = (FailureReason)reader.GetInt16(3),
                    StatusCode = reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    Attempts = reader.IsDBNull(5) ? 0 : reader.GetInt32(5),
                    FinalUrl = reader.IsDBNull(6) ? null : reader.GetString(6),
                    Message = reader.IsDBNull(7) ? null : reader.GetString(7),
                });
            }
        }

        transaction.Commit();
        return new SharedCrawlSummary
        {
            Database = uri.Display,
            Workers = workers,
            Finished = open == 0,
            Queued = open,
            Crawl = new ScrapeSummary
            {
                ScraperName = plan.Name,
                Completed = open == 0,
                Elapsed = started is { } first ? now - first : TimeSpan.Zero,
                Discovered = admitted + atAdmission,
                Processed = processed,
                SkippedByReason = skipped,
                FailedByReason = failed,
                Items = items,
                Requests = requests,
                Retries = retries,
                BytesReceived = bytes,
                Failures = failures,
            },
        };
    }

    /// <summary>
    /// Writes every committed item of the crawl to <paramref name="path"/> in commit order: JSON Lines for <c>.jsonl</c>
    /// and <c>.ndjson</c>, one JSON array for <c>.json</c>, CSV (with its header row) for <c>.csv</c>. The file is written
    /// beside its final name and moved there when complete, so a reader never sees half an export.
    /// </summary>
    /// <returns>The items written.</returns>
    public static async Task<long> ExportAsync<TItem>(NpgsqlDataSource dataSource, PostgreSqlUri uri, CrawlPlan<TItem> plan, string path, CancellationToken cancellationToken)
    {
        var format = ItemWriter<TItem>.FormatOf(path)
            ?? throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath), $"'{path}' must end in .jsonl or .ndjson (JSON Lines), .json (one JSON array) or .csv (CSV).");
        if (format == "csv" && plan.Format.CsvColumns.Count == 0)
        {
            throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath), $"'{path}': {plan.Name} has several item types, which do not fit one CSV table; export JSON Lines (.jsonl) or JSON (.json) instead.");
        }

        var framing = OutputFraming.For(format, format == "csv" ? ItemEncoder<TItem>.For("csv", plan.Format).Header : []);
        var full = Path.GetFullPath(path);
        var temporary = full + ".partial";
        long count = 0;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false))
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var bytes = new ArrayBufferWriter<byte>(1 << 16);
                bytes.Write(framing.Start);
                var column = format == "csv" ? "csv" : "json";
                await using var command = PgDatabase.Command(connection, $"SELECT {column} FROM {uri.Schema}.item ORDER BY seq");
                await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    framing.Append(bytes, reader.GetFieldValue<byte[]>(0), first: count == 0);
                    count++;
                    if (bytes.WrittenCount >= 1 << 16)
                    {
                        await file.WriteAsync(bytes.WrittenMemory, cancellationToken).ConfigureAwait(false);
                        bytes.ResetWrittenCount();
                    }
                }

                bytes.Write(framing.End(count > 0));
                await file.WriteAsync(bytes.WrittenMemory, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, full, overwrite: true);
        return count;
    }

    /// <summary>The crawl's progress now: URLs by outcome, per-host queues and pauses, workers and their beats.</summary>
    public static async Task<IReadOnlyList<string>> StatusAsync(NpgsqlDataSource dataSource, PostgreSqlUri uri, CancellationToken cancellationToken)
    {
        var s = uri.Schema;
        var lines = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var scraper = PgDatabase.Scalar(connection, $"SELECT value FROM {s}.meta WHERE key = 'scraper'") as string;
        var created = PgDatabase.Scalar(connection, $"SELECT value FROM {s}.meta WHERE key = 'created'") as string;
        lines.Add($"crawl    {scraper} in {uri.Display} (schema {s}), created {created}");

        await using (var command = PgDatabase.Command(connection, $"""
            SELECT count(*) FILTER (WHERE state = 0), count(*) FILTER (WHERE state = 1),
                   count(*) FILTER (WHERE state = 2 AND kind = 0), count(*) FILTER (WHERE state = 2 AND kind = 1),
                   count(*) FILTER (WHERE state = 2 AND kind = 2), count(*)
            FROM {s}.url
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            lines.Add($"URLs     {N(reader.GetInt64(5))} admitted: {N(reader.GetInt64(2))} processed, {N(reader.GetInt64(3))} skipped, {N(reader.GetInt64(4))} failed; {N(reader.GetInt64(0))} queued, {N(reader.GetInt64(1))} leased"
                + (reader.GetInt64(0) + reader.GetInt64(1) == 0 ? " (finished)" : ""));
        }

        lines.Add($"items    {N((long)PgDatabase.Scalar(connection, $"SELECT count(*) FROM {s}.item")!)}");
        lines.Add("workers  id  state    leased  last beat  name");
        await using (var command = PgDatabase.Command(connection, $"""
            SELECT w.id, w.state, w.name, extract(epoch FROM now() - w.heartbeat_at)::float8,
                   (SELECT count(*) FROM {s}.url u WHERE u.state = 1 AND u.worker_id = w.id)
            FROM {s}.worker w ORDER BY w.state, w.id
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var state = reader.GetInt16(1) switch { PgSchema.Running => "running", PgSchema.Stopped => "stopped", _ => "lost" };
                var beat = reader.GetInt16(1) == PgSchema.Running ? $"{reader.GetDouble(3):0.0} s ago" : "-";
                lines.Add($"         {reader.GetInt32(0),2}  {state,-7}  {N(reader.GetInt64(4)),6}  {beat,9}  {reader.GetString(2)}");
            }
        }

        lines.Add("hosts    queued  leased  permits  paused   host");
        await using (var command = PgDatabase.Command(connection, $"""
            SELECT h.name,
                   (SELECT count(*) FROM {s}.url u WHERE u.host_id = h.id AND u.state = 0),
                   (SELECT count(*) FROM {s}.url u WHERE u.host_id = h.id AND u.state = 1),
                   (SELECT coalesce(sum(p.permits), 0) FROM {s}.host_permit p WHERE p.host_id = h.id),
                   greatest(extract(epoch FROM h.paused_until - now()), 0)::float8
            FROM {s}.host h ORDER BY 2 DESC, 1 LIMIT 20
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var paused = reader.IsDBNull(4) || reader.GetDouble(4) <= 0 ? "-" : $"{reader.GetDouble(4):0} s";
                lines.Add($"         {N(reader.GetInt64(1)),6}  {N(reader.GetInt64(2)),6}  {reader.GetInt64(3),7}  {paused,-7}  {reader.GetString(0)}");
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return lines;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
