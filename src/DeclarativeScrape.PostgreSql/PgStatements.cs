using Npgsql;
using NpgsqlTypes;

namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// The shared store's SQL, one method per statement, on the worker's one connection. Every batch of rows goes in one
/// round trip (arrays and <c>unnest</c>), so a group commit of many pages costs a handful of statements.
/// </summary>
internal sealed class PgStatements(NpgsqlConnection connection, string schema, int worker)
{
    private readonly string _s = schema;

    public NpgsqlConnection Connection => connection;

    public int Worker => worker;

    /// <summary>Locks the admission counter (when <see cref="LimitOptions.MaxPages"/> applies) and reads it.</summary>
    public long LockAdmitted() => (long)Scalar($"SELECT value::bigint FROM {_s}.meta WHERE key = 'admitted' FOR UPDATE")!;

    public void AddAdmitted(long count) => Run($"UPDATE {_s}.meta SET value = (value::bigint + $1)::text WHERE key = 'admitted'", count);

    /// <summary>Which of <paramref name="urls"/> were admitted before.</summary>
    public HashSet<string> Seen(string[] urls)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command($"SELECT url FROM {_s}.url WHERE md5(url) IN (SELECT md5(u) FROM unnest($1::text[]) AS u)", (object)urls);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            seen.Add(reader.GetString(0));
        }

        return seen;
    }

    /// <summary>The ids of <paramref name="names"/>, each host inserted when it is new.</summary>
    public Dictionary<string, int> Hosts(string[] names)
    {
        Run($"INSERT INTO {_s}.host(name) SELECT n FROM unnest($1::text[]) AS n ORDER BY 1 ON CONFLICT (name) DO NOTHING", (object)names);
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        using var command = Command($"SELECT name, id FROM {_s}.host WHERE name = ANY($1)", (object)names);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids[reader.GetString(0)] = reader.GetInt32(1);
        }

        return ids;
    }

    /// <summary>
    /// Inserts URLs to fetch; those another worker inserted meanwhile are left out of the answer. Rows go in in the
    /// order of their text, so that two workers inserting overlapping links wait on each other in the same order and
    /// never deadlock.
    /// </summary>
    /// <returns>The id of each URL inserted.</returns>
    public Dictionary<string, long> InsertUrls(string[] urls, int[] hosts, int[] pageTypes, int[] depths, string?[] carried, int[] ranks)
    {
        var ids = new Dictionary<string, long>(urls.Length, StringComparer.Ordinal);
        using var command = Command(
            $"""
            INSERT INTO {_s}.url(url, host_id, page_type, depth, carried, rank)
            SELECT * FROM unnest($1::text[], $2::integer[], $3::integer[], $4::integer[], $5::text[], $6::integer[]) ORDER BY 1
            ON CONFLICT ((md5(url))) DO NOTHING
            RETURNING url, id
            """,
            urls, hosts, pageTypes, depths, carried, ranks);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids[reader.GetString(0)] = reader.GetInt64(1);
        }

        return ids;
    }

    /// <summary>
    /// Marks leased URLs done with their outcomes, but only those this worker still holds (a lease taken back after the
    /// worker lost touch with the database is not completed twice).
    /// </summary>
    /// <returns>The ids completed now.</returns>
    public HashSet<long> Complete(long[] ids, short[] kinds, short[] reasons, int?[] statuses, int[] attempts, string?[] finalUrls, string?[] messages)
    {
        var done = new HashSet<long>();
        using var command = Command(
            $"""
            UPDATE {_s}.url AS u SET state = 2, kind = c.kind, reason = c.reason, status = c.status, attempts = c.attempts,
                final_url = c.final_url, message = c.message, done_at = now()
            FROM unnest($1::bigint[], $2::smallint[], $3::smallint[], $4::integer[], $5::integer[], $6::text[], $7::text[])
                AS c(id, kind, reason, status, attempts, final_url, message)
            WHERE u.id = c.id AND u.state = 1 AND u.worker_id = $8
            RETURNING u.id
            """,
            ids, kinds, reasons, statuses, attempts, finalUrls, messages, worker);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            done.Add(reader.GetInt64(0));
        }

        return done;
    }

    /// <summary>Of <paramref name="ids"/>, those this worker completed already (an earlier try of a transaction that did commit).</summary>
    public HashSet<long> DoneByThisWorker(long[] ids)
    {
        var done = new HashSet<long>();
        using var command = Command($"SELECT id FROM {_s}.url WHERE id = ANY($1) AND state = 2 AND worker_id = $2", ids, worker);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            done.Add(reader.GetInt64(0));
        }

        return done;
    }

    public void InsertItems(long[] urlIds, byte[][] json, byte[]?[] csv) =>
        Run($"INSERT INTO {_s}.item(url_id, json, csv) SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::bytea[])", urlIds, json, csv);

    /// <summary>Leases this worker holds go back to the queue (the run stopped before fetching them).</summary>
    public void Return(long[] ids)
    {
        if (ids.Length > 0)
        {
            Run($"UPDATE {_s}.url SET state = 0, worker_id = NULL WHERE id = ANY($1) AND state = 1 AND worker_id = $2", ids, worker);
        }
    }

    /// <summary>
    /// Leases up to <paramref name="limit"/> queued URLs of a host, lowest rank first (<see cref="FrontierOrder"/>), then
    /// oldest first, passing over those another worker is leasing right now.
    /// </summary>
    public List<(long Id, string Url, int PageType, int Depth, string? Carried, int Rank)> Lease(long host, int limit)
    {
        var leased = new List<(long, string, int, int, string?, int)>(limit);
        using var command = Command(
            $"""
            UPDATE {_s}.url SET state = 1, worker_id = $3
            WHERE id IN (SELECT id FROM {_s}.url WHERE host_id = $1 AND state = 0 ORDER BY rank, id LIMIT $2 FOR UPDATE SKIP LOCKED)
            RETURNING id, url, page_type, depth, carried, rank
            """,
            (int)host, limit, worker);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            leased.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5)));
        }

        leased.Sort(static (a, b) => a.Item6 != b.Item6 ? a.Item6.CompareTo(b.Item6) : a.Item1.CompareTo(b.Item1));
        return leased;
    }

    /// <summary>Adds what this worker counted to its row: links skipped at admission by reason, requests, bytes, retries.</summary>
    public void AddCounts(long[] skipped, long requests, long bytes, long retries) => Run(
        $"""
        UPDATE {_s}.worker SET
            skipped = ARRAY(SELECT coalesce(a, 0) + coalesce(b, 0) FROM unnest(skipped, $1::bigint[]) AS t(a, b)),
            requests = requests + $2, bytes = bytes + $3, retries = retries + $4
        WHERE id = $5
        """,
        skipped, requests, bytes, retries, worker);

    /// <summary>Records that this worker is alive.</summary>
    /// <returns><see langword="false"/> when the others declared it lost (its heartbeat was late by more than its lease timeout).</returns>
    public bool Heartbeat() => Scalar($"UPDATE {_s}.worker SET heartbeat_at = now() WHERE id = $1 AND state = 0 RETURNING 1", worker) is not null;

    /// <summary>Declares lost the workers whose heartbeat is older than their lease timeout, and puts their leases and permits back.</summary>
    /// <returns>The workers lost now, and the URLs they had leased.</returns>
    public (long Workers, long Urls) ReclaimLost()
    {
        using var command = Command(
            $"""
            WITH lost AS (
                UPDATE {_s}.worker SET state = 2, stopped_at = now()
                WHERE state = 0 AND heartbeat_at < now() - lease_timeout_ms * interval '1 millisecond'
                RETURNING id),
            freed AS (
                UPDATE {_s}.url SET state = 0, worker_id = NULL
                WHERE state = 1 AND worker_id IN (SELECT id FROM lost)
                RETURNING 1),
            permits AS (
                DELETE FROM {_s}.host_permit WHERE worker_id IN (SELECT id FROM lost))
            SELECT (SELECT count(*) FROM lost), (SELECT count(*) FROM freed)
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>URLs queued by host, and URLs other workers hold: the work this worker may still get.</summary>
    public (Dictionary<string, long> QueuedByHost, long LeasedByOthers) Work()
    {
        var queued = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        using (var command = Command($"SELECT h.name, count(*) FROM {_s}.url u JOIN {_s}.host h ON h.id = u.host_id WHERE u.state = 0 GROUP BY h.name"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                queued[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var others = (long)Scalar($"SELECT count(*) FROM {_s}.url WHERE state = 1 AND worker_id <> $1", worker)!;
        return (queued, others);
    }

    /// <summary>Locks a host's row (permits of the host change one worker at a time) and reads how long it stays paused.</summary>
    public (int Id, TimeSpan Paused) LockHost(string name)
    {
        using var command = Command($"SELECT id, coalesce(extract(epoch FROM paused_until - now()), 0)::float8 FROM {_s}.host WHERE name = $1 FOR UPDATE", name);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1))));
    }

    /// <summary>A host's limit of requests in flight, for all workers together: the strictest per-host limit of the running workers.</summary>
    public int HostLimit() => (int)Scalar($"SELECT coalesce(min(per_host), 1) FROM {_s}.worker WHERE state = 0")!;

    /// <summary>The permits the other workers hold on a host (every worker not yet stopped or declared lost), and how many each would use.</summary>
    public List<(int Worker, int Permits, int Wanted)> OtherPermits(int host)
    {
        var others = new List<(int, int, int)>();
        using var command = Command($"SELECT worker_id, permits, wanted FROM {_s}.host_permit WHERE host_id = $1 AND worker_id <> $2", host, worker);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            others.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return others;
    }

    public void SetPermits(int host, int permits, int wanted) => Run(
        $"""
        INSERT INTO {_s}.host_permit(host_id, worker_id, permits, wanted) VALUES ($1, $2, $3, $4)
        ON CONFLICT (host_id, worker_id) DO UPDATE SET permits = excluded.permits, wanted = excluded.wanted
        """,
        host, worker, permits, wanted);

    /// <summary>Pauses a host for every worker, unless it is paused longer already.</summary>
    public void PauseHost(string name, TimeSpan delay) => Run(
        $"UPDATE {_s}.host SET paused_until = greatest(coalesce(paused_until, now()), now() + $2 * interval '1 millisecond') WHERE name = $1",
        name, (long)delay.TotalMilliseconds);

    /// <summary>Keeps the rate this worker learned on a host (<see langword="null"/>: none) beside the other workers'.</summary>
    public void PublishRate(string name, double? requestsPerSecond)
    {
        if (requestsPerSecond is { } rps)
        {
            Run(
                $"INSERT INTO {_s}.host_rate(host_id, worker_id, rate) SELECT id, $2, $3 FROM {_s}.host WHERE name = $1 ON CONFLICT (host_id, worker_id) DO UPDATE SET rate = excluded.rate",
                name, worker, rps);
        }
        else
        {
            Run($"DELETE FROM {_s}.host_rate WHERE worker_id = $2 AND host_id = (SELECT id FROM {_s}.host WHERE name = $1)", name, worker);
        }
    }

    /// <summary>The sum and number of the rates the other running workers learned on a host.</summary>
    public (double Total, int Workers) LearnedByOthers(string name)
    {
        using var command = Command(
            $"SELECT coalesce(sum(r.rate), 0), count(*)::int FROM {_s}.host_rate r JOIN {_s}.host h ON h.id = r.host_id JOIN {_s}.worker w ON w.id = r.worker_id WHERE h.name = $1 AND w.state = {PgSchema.Running} AND r.worker_id <> $2",
            name,
            worker);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetDouble(0), reader.GetInt32(1));
    }

    /// <summary>
    /// Reserves <paramref name="span"/> of a host's rate (start times at the host's interval, <see cref="ReservedStarts"/>):
    /// the host's theoretical arrival time moves from max(tat, now) by the span, under the row's lock, so reservations of
    /// all workers line up one after another.
    /// </summary>
    /// <param name="name">The host.</param>
    /// <param name="span">The time the reserved starts take at the host's pace.</param>
    /// <param name="rate">The pace in requests per second, kept in the row for <c>status</c>.</param>
    /// <returns>The host's theoretical arrival time after the reservation, from the database's time.</returns>
    public TimeSpan Reserve(string name, TimeSpan span, double rate) =>
        Scalar($"UPDATE {_s}.host SET tat = greatest(tat, now()) + $2 * interval '1 microsecond', rate = $3 WHERE name = $1 RETURNING extract(epoch FROM tat - now())::float8", name, span.Ticks / 10, rate) is double ahead
            ? TimeSpan.FromSeconds(ahead)
            : span;

    /// <summary>
    /// Claims an origin's robots.txt for this worker to fetch: when nobody has, or the worker that claimed it is not
    /// running any more (left, or declared lost) and never stored it, or it was stored as unreachable before this worker
    /// started (a verdict only for the workers running then). Otherwise reads it as stored.
    /// </summary>
    /// <returns>Whether this worker is to fetch it; else the file as stored, <see langword="null"/> while another worker fetches it.</returns>
    public (bool Claimed, FetchedRobots? Stored) ClaimRobots(string origin)
    {
        if (Scalar($"INSERT INTO {_s}.robots(origin, worker_id) VALUES ($1, $2) ON CONFLICT (origin) DO NOTHING RETURNING 1", origin, worker) is not null
            || Scalar(
                $"""
                UPDATE {_s}.robots r SET worker_id = $2, fetched = false WHERE origin = $1
                AND (NOT fetched AND (worker_id = $2 OR NOT EXISTS (SELECT 1 FROM {_s}.worker w WHERE w.id = r.worker_id AND w.state = 0))
                    OR fetched AND unreachable IS NOT NULL AND fetched_at < (SELECT started_at FROM {_s}.worker WHERE id = $2))
                RETURNING 1
                """,
                origin,
                worker) is not null)
        {
            return (true, null);
        }

        using var command = Command($"SELECT fetched, body, problem, unreachable, status FROM {_s}.robots WHERE origin = $1", origin);
        using var reader = command.ExecuteReader();
        return reader.Read() && reader.GetBoolean(0)
            ? (false, SharedRobots.Restore(
                reader.IsDBNull(1) ? null : (byte[])reader[1],
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt16(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4)))
            : (false, null);
    }

    /// <summary>Stores the robots.txt this worker fetched, for every worker of the crawl.</summary>
    public void StoreRobots(string origin, FetchedRobots robots)
    {
        var (body, problem, unreachable, status) = SharedRobots.Columns(robots);
        Run(
            $"UPDATE {_s}.robots SET fetched = true, body = $2::bytea, problem = $3::text, unreachable = $4::smallint, status = $5::integer, fetched_at = now() WHERE origin = $1",
            origin,
            body,
            problem,
            unreachable,
            status);
    }

    /// <summary>Registers this worker.</summary>
    public static int Join(NpgsqlConnection connection, string schema, string name, TimeSpan leaseTimeout, int perHost) =>
        (int)PgDatabase.Scalar(connection, $"INSERT INTO {schema}.worker(name, lease_timeout_ms, per_host) VALUES ($1, $2, $3) RETURNING id", name, (int)leaseTimeout.TotalMilliseconds, perHost)!;

    /// <summary>
    /// This worker leaves: marked stopped, its permits dropped. Under a lock on the worker list, so that of workers leaving
    /// together exactly one sees none running after it.
    /// </summary>
    /// <returns>The workers still running.</returns>
    public long Leave()
    {
        Scalar($"SELECT value FROM {_s}.meta WHERE key = 'scraper' FOR UPDATE");
        Run($"UPDATE {_s}.worker SET state = 1, stopped_at = now() WHERE id = $1 AND state = 0", worker);

        // A worker that leaves holds no lease: any left (a commit the database lost in a crash) go back to the queue.
        Run($"UPDATE {_s}.url SET state = 0, worker_id = NULL WHERE state = 1 AND worker_id = $1", worker);
        Run($"DELETE FROM {_s}.host_permit WHERE worker_id = $1", worker);
        return (long)Scalar($"SELECT count(*) FROM {_s}.worker WHERE state = 0")!;
    }

    public void Run(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>A command with positional parameters (an array is one parameter: pass it as <c>(object)array</c> when it is the only one).</summary>
    public NpgsqlCommand Command(string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value },
                int?[] values => new NpgsqlParameter { Value = values.Select(v => v is { } x ? (object)x : DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer },
                string?[] values when values.Any(v => v is null) => new NpgsqlParameter { Value = values.Select(v => (object?)v ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                byte[]?[] values when values.Any(v => v is null) => new NpgsqlParameter { Value = values.Select(v => (object?)v ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
                _ => new NpgsqlParameter { Value = parameter },
            });
        }

        return command;
    }
}
