namespace DeclarativeScrape;

/// <summary>
/// The tables of a state database (schema version <see cref="CurrentVersion"/>), and the keys of its <c>meta</c> table.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>meta(key, value)</c>: schema version, scraper name, schema fingerprint, item format, creation time, the
/// counts of earlier runs, and how far the output file is known to be good (<c>output_path</c>, <c>output_seq</c>,
/// <c>output_length</c>).</item>
/// <item><c>host(id, name)</c>: each authority (host and non-default port) URLs were queued under.</item>
/// <item><c>url</c>: every admitted canonical URL, in admission order (<c>id</c>): its 64-bit key (FNV-1a of the URL,
/// the dedupe index), host, page type index, depth, <c>state</c> (0 to fetch, 1 done) and, once done, its outcome
/// (kind, skip or failure reason, status, attempts, final URL, message), and the values its link carried (<c>carried</c>,
/// JSON, null for none), and its <c>rank</c> in its host's queue (<see cref="FrontierOrder"/>). A partial index over
/// the URLs to fetch, by host, rank and id, is each host's queue. A URL in flight is still 0: a killed run's leases return to the queue by
/// themselves.</item>
/// <item><c>item(seq, url_id, data)</c>: every committed item in commit order, as the exact bytes of its output
/// record (a JSON line or a CSV row), committed in the same transaction as its URL's outcome.</item>
/// </list>
/// </remarks>
internal static class StateSchema
{
    public const long CurrentVersion = 2;

    public const string Version = "schema_version";
    public const string Scraper = "scraper";
    public const string Fingerprint = "fingerprint";
    public const string ItemFormat = "item_format";
    public const string Created = "created";
    public const string Runs = "runs";
    public const string Processed = "processed";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    public const string OutputPath = "output_path";
    public const string OutputSeq = "output_seq";
    public const string OutputLength = "output_length";

    /// <summary>The counters kept across runs.</summary>
    public static readonly string[] Counters = [Runs, Processed, Skipped, Failed];

    /// <summary>The statements that create an empty state.</summary>
    public static readonly string[] Create =
    [
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID",
        "CREATE TABLE host(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        """
        CREATE TABLE url(
            id INTEGER PRIMARY KEY,
            key INTEGER NOT NULL,
            url TEXT NOT NULL,
            host_id INTEGER NOT NULL,
            page_type INTEGER NOT NULL,
            depth INTEGER NOT NULL,
            state INTEGER NOT NULL,
            kind INTEGER,
            reason INTEGER,
            status INTEGER,
            attempts INTEGER,
            final_url TEXT,
            message TEXT,
            carried TEXT,
            rank INTEGER NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX url_key ON url(key)",
        "CREATE INDEX url_queue ON url(host_id, rank, id) WHERE state = 0",
        "CREATE TABLE item(seq INTEGER PRIMARY KEY, url_id INTEGER NOT NULL, data BLOB NOT NULL)",
    ];
}
