namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// The tables of a crawl shared in PostgreSQL (schema version <see cref="CurrentVersion"/>), all in one PostgreSQL
/// schema of the database (<see cref="PostgreSqlUri.Schema"/>), and the statements that create them.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>meta(key, value)</c>: schema version, scraper name, schema fingerprint, creation time, and <c>admitted</c>
/// (URLs admitted so far: what <see cref="LimitOptions.MaxPages"/> bounds across every worker).</item>
/// <item><c>worker</c>: every worker that joined: name (machine and process id), start, last heartbeat, its lease
/// timeout, its per-host limit, state (running, stopped, lost), and what it counted that no other table keeps: the links
/// it skipped at admission (by reason), requests, bytes and retries.</item>
/// <item><c>host</c>: each authority URLs were queued under, with what politeness shares across workers: paused until
/// (a 429's <c>Retry-After</c>), the token bucket's theoretical arrival time (<c>tat</c>), and the rate in requests per
/// second the last reservation was made at (<c>rate</c>: the host's pace set by the options or <c>Crawl-delay</c>).</item>
/// <item><c>host_rate</c>: the rate each worker learned on a host from its refusals (each worker learns its share);
/// <c>status</c> shows their sum over the workers not lost, else the host's <c>rate</c>.</item>
/// <item><c>host_permit</c>: the requests in flight each worker may have on a host; their sum never exceeds the host's
/// limit.</item>
/// <item><c>url</c>: every admitted canonical URL in admission order (<c>id</c>), unique by the MD5 of its text (the
/// seen set), with host, page type, depth, <c>state</c> (0 queued, 1 leased by <c>worker_id</c>, 2 done by
/// <c>worker_id</c>) and, once done, its outcome, the values its link carried (<c>carried</c>), and its <c>rank</c> in
/// its host's queue (<see cref="FrontierOrder"/>). A partial index over the queued URLs by host, rank and id is each
/// host's queue; one over the leased URLs by worker lets a lost worker's leases go back to the queue at once.</item>
/// <item><c>robots</c>: each origin's robots.txt, fetched once for the crawl: the worker that claimed it, whether it was
/// fetched, its text (UTF-8), why it could not be used, and when it stayed unreachable the failure reason and last status
/// code (a verdict for the workers running then only: a worker that starts later fetches it again).</item>
/// <item><c>item(seq, url_id, json, csv)</c>: every committed item, as the exact bytes of its JSON Lines record and,
/// when the items are one table, its CSV row; committed in the same transaction as its URL's outcome.</item>
/// </list>
/// </remarks>
internal static class PgSchema
{
    public const long CurrentVersion = 5;

    public const string Version = "schema_version";
    public const string Scraper = "scraper";
    public const string Fingerprint = "fingerprint";
    public const string Created = "created";
    public const string Admitted = "admitted";

    /// <summary>Worker states.</summary>
    public const int Running = 0;
    public const int Stopped = 1;
    public const int Lost = 2;

    /// <summary>URL states.</summary>
    public const int Queued = 0;
    public const int Leased = 1;
    public const int Done = 2;

    /// <summary>The statements that create an empty crawl in schema <paramref name="s"/>.</summary>
    public static string[] Create(string s) =>
    [
        $"CREATE SCHEMA IF NOT EXISTS {s}",
        $"CREATE TABLE {s}.meta(key text PRIMARY KEY, value text NOT NULL)",
        $"""
        CREATE TABLE {s}.worker(
            id serial PRIMARY KEY,
            name text NOT NULL,
            started_at timestamptz NOT NULL DEFAULT now(),
            heartbeat_at timestamptz NOT NULL DEFAULT now(),
            lease_timeout_ms integer NOT NULL,
            per_host integer NOT NULL,
            state smallint NOT NULL DEFAULT 0,
            stopped_at timestamptz,
            skipped bigint[] NOT NULL DEFAULT ARRAY[]::bigint[],
            requests bigint NOT NULL DEFAULT 0,
            bytes bigint NOT NULL DEFAULT 0,
            retries bigint NOT NULL DEFAULT 0)
        """,
        $"CREATE TABLE {s}.host(id serial PRIMARY KEY, name text NOT NULL UNIQUE, paused_until timestamptz, tat timestamptz, rate float8)",
        $"CREATE TABLE {s}.host_rate(host_id integer NOT NULL, worker_id integer NOT NULL, rate float8 NOT NULL, PRIMARY KEY (host_id, worker_id))",
        $"CREATE TABLE {s}.host_permit(host_id integer NOT NULL, worker_id integer NOT NULL, permits integer NOT NULL, wanted integer NOT NULL DEFAULT 0, PRIMARY KEY (host_id, worker_id))",
        $"""
        CREATE TABLE {s}.url(
            id bigserial PRIMARY KEY,
            url text NOT NULL,
            host_id integer NOT NULL,
            page_type integer NOT NULL,
            depth integer NOT NULL,
            state smallint NOT NULL DEFAULT 0,
            worker_id integer,
            kind smallint,
            reason smallint,
            status integer,
            attempts integer,
            final_url text,
            message text,
            done_at timestamptz,
            carried text,
            rank integer NOT NULL DEFAULT 0)
        """,
        $"CREATE UNIQUE INDEX url_seen ON {s}.url ((md5(url)))",
        $"CREATE INDEX url_queue ON {s}.url (host_id, rank, id) WHERE state = 0",
        $"CREATE INDEX url_leased ON {s}.url (worker_id) WHERE state = 1",
        $"CREATE TABLE {s}.robots(origin text PRIMARY KEY, worker_id integer NOT NULL, fetched boolean NOT NULL DEFAULT false, body bytea, problem text, unreachable smallint, status integer, fetched_at timestamptz)",
        $"CREATE TABLE {s}.item(seq bigserial PRIMARY KEY, url_id bigint NOT NULL, json bytea NOT NULL, csv bytea)",
    ];
}
