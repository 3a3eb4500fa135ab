using System.Globalization;
using System.Runtime.CompilerServices;
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
    /// Writes every committed item of the crawl to <paramref name="path"/> in commit order (<see cref="ItemExport"/>: JSON
    /// Lines, one JSON array or CSV by the extension), from one consistent snapshot.
    /// </summary>
    /// <returns>The items written.</returns>
    public static Task<long> ExportAsync<TItem>(NpgsqlDataSource dataSource, PostgreSqlUri uri, CrawlPlan<TItem> plan, string path, CancellationToken cancellationToken)
    {
        var column = ItemExport.RecordFormatFor(plan, path) == "csv" ? "csv" : "json";
        return ItemExport.WriteAsync(plan, path, RecordsAsync(dataSource, uri, column, cancellationToken), cancellationToken);
    }

    /// <summary>The crawl's progress now: URLs by outcome, per-host queues, permits and pauses, workers and their beats.</summary>
    public static async Task<CrawlStatus> StatusAsync(NpgsqlDataSource dataSource, PostgreSqlUri uri, string scraperName, CancellationToken cancellationToken)
    {
        var s = uri.Schema;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var scraper = PgDatabase.Scalar(connection, $"SELECT value FROM {s}.meta WHERE key = 'scraper'") as string;
        var created = PgDatabase.Scalar(connection, $"SELECT value FROM {s}.meta WHERE key = 'created'") as string;
        long queued, leased, processed, skipped, failed, admitted;
        await using (var command = PgDatabase.Command(connection, $"""
            SELECT count(*) FILTER (WHERE state = 0), count(*) FILTER (WHERE state = 1),
                   count(*) FILTER (WHERE state = 2 AND kind = 0), count(*) FILTER (WHERE state = 2 AND kind = 1),
                   count(*) FILTER (WHERE state = 2 AND kind = 2), count(*)
            FROM {s}.url
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (queued, leased, processed, skipped, failed, admitted) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
        }

        var items = (long)PgDatabase.Scalar(connection, $"SELECT count(*) FROM {s}.item")!;
        var workers = new List<WorkerStatus>();
        await using (var command = PgDatabase.Command(connection, $"""
            SELECT w.id, w.state, w.name, extract(epoch FROM now() - w.heartbeat_at)::float8,
                   (SELECT count(*) FROM {s}.url u WHERE u.state = 1 AND u.worker_id = w.id)
            FROM {s}.worker w ORDER BY w.state, w.id
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var state = reader.GetInt16(1);
                workers.Add(new WorkerStatus(
                    reader.GetInt32(0),
                    state switch { PgSchema.Running => "running", PgSchema.Stopped => "stopped", _ => "lost" },
                    reader.GetInt64(4),
                    state == PgSchema.Running ? TimeSpan.FromSeconds(reader.GetDouble(3)) : null,
                    reader.GetString(2)));
            }
        }

        var hosts = new List<HostStatus>();
        await using (var command = PgDatabase.Command(connection, $"""
            SELECT h.name,
                   (SELECT count(*) FROM {s}.url u WHERE u.host_id = h.id AND u.state = 0),
                   (SELECT count(*) FROM {s}.url u WHERE u.host_id = h.id AND u.state = 1),
                   (SELECT coalesce(sum(p.permits), 0) FROM {s}.host_permit p WHERE p.host_id = h.id),
                   greatest(extract(epoch FROM h.paused_until - now()), 0)::float8,
                   coalesce((SELECT sum(r.rate) FROM {s}.host_rate r JOIN {s}.worker w ON w.id = r.worker_id WHERE r.host_id = h.id AND w.state <> {PgSchema.Lost}), h.rate)
            FROM {s}.host h ORDER BY 2 DESC, 1 LIMIT {CrawlStatus.MaxHosts}
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                hosts.Add(new HostStatus(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : TimeSpan.FromSeconds(reader.GetDouble(4)),
                    reader.IsDBNull(5) ? null : reader.GetDouble(5)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CrawlStatus
        {
            Scraper = scraper ?? scraperName,
            Location = $"{uri.Display} (schema {s})",
            Created = created ?? "-",
            Admitted = admitted,
            Queued = queued,
            Leased = leased,
            Processed = processed,
            Skipped = skipped,
            Failed = failed,
            Items = items,
            Workers = workers,
            Hosts = hosts,
        };
    }

    /// <summary>The items' records in commit order, read in one repeatable-read transaction.</summary>
    private static async IAsyncEnumerable<byte[]> RecordsAsync(NpgsqlDataSource dataSource, PostgreSqlUri uri, string column, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using (var command = PgDatabase.Command(connection, $"SELECT {column} FROM {uri.Schema}.item ORDER BY seq"))
        await using (var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return reader.GetFieldValue<byte[]>(0);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
