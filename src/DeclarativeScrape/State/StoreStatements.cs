using Microsoft.Data.Sqlite;

namespace DeclarativeScrape;

/// <summary>The state store's statements, prepared once and reused, each behind a typed method.</summary>
internal sealed class StoreStatements : IDisposable
{
    private readonly List<Statement> _all = [];
    private readonly Statement _begin;
    private readonly Statement _commit;
    private readonly Statement _rollback;
    private readonly Statement _findUrl;
    private readonly Statement _insertUrl;
    private readonly Statement _completeUrl;
    private readonly Statement _insertItem;
    private readonly Statement _insertHost;
    private readonly Statement _addToCounter;
    private readonly Statement _setMeta;
    private readonly Statement _queued;
    private readonly Statement _itemsAfter;

    public StoreStatements(SqliteConnection connection)
    {
        Statement Prepare(string sql)
        {
            var statement = new Statement(connection, sql);
            _all.Add(statement);
            return statement;
        }

        try
        {
            _begin = Prepare("BEGIN");
            _commit = Prepare("COMMIT");
            _rollback = Prepare("ROLLBACK");
            _findUrl = Prepare("SELECT url FROM url WHERE key = ?1");
            _insertUrl = Prepare("INSERT INTO url(id, key, url, host_id, page_type, depth, state, carried, rank) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)");
            _completeUrl = Prepare("UPDATE url SET state = 1, kind = ?2, reason = ?3, status = ?4, attempts = ?5, final_url = ?6, message = ?7 WHERE id = ?1");
            _insertItem = Prepare("INSERT INTO item(seq, url_id, data) VALUES (?1, ?2, ?3)");
            _insertHost = Prepare("INSERT INTO host(id, name) VALUES (?1, ?2)");
            _addToCounter = Prepare("UPDATE meta SET value = value + ?2 WHERE key = ?1");
            _setMeta = Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
            _queued = Prepare("SELECT id, url, page_type, depth, carried, rank FROM url WHERE state = 0 AND host_id = ?1 AND (rank, id) > (?2, ?3) ORDER BY rank, id LIMIT ?4");
            _itemsAfter = Prepare("SELECT seq, data FROM item WHERE seq > ?1 ORDER BY seq");
        }
        catch
        {
            // A state whose tables do not match: the statements prepared so far must not keep the file open.
            Dispose();
            throw;
        }
    }

    public void Begin() => _begin.Run();

    public void Commit() => _commit.Run();

    public void Rollback() => _rollback.Run();

    /// <summary>Runs <paramref name="write"/> in a transaction of its own (rolled back when it throws).</summary>
    public void InTransaction(Action write)
    {
        Begin();
        try
        {
            write();
            Commit();
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    /// <summary>Whether <paramref name="url"/> was admitted before (its key found, and the URL itself compared).</summary>
    public bool Seen(long key, string url)
    {
        _findUrl.Bind(1, key);
        while (_findUrl.Step())
        {
            if (_findUrl.Text(0) == url)
            {
                _findUrl.Reset();
                return true;
            }
        }

        return false;
    }

    public void InsertUrl(long id, long key, string url, long host, int pageType, int depth, string? carried, int rank) =>
        _insertUrl.Bind(1, id).Bind(2, key).Bind(3, url).Bind(4, host).Bind(5, pageType).Bind(6, depth).Bind(7, carried).Bind(8, rank).Run();

    public void CompleteUrl(long id, OutcomeKind kind, int reason, int? status, int attempts, string? finalUrl, string? message) =>
        _completeUrl.Bind(1, id).Bind(2, (long)kind).Bind(3, reason).Bind(4, status).Bind(5, attempts).Bind(6, finalUrl).Bind(7, message).Run();

    public void InsertItem(long seq, long urlId, ReadOnlySpan<byte> record) =>
        _insertItem.Bind(1, seq).Bind(2, urlId).Bind(3, record).Run();

    public void InsertHost(long id, string name) => _insertHost.Bind(1, id).Bind(2, name).Run();

    public void AddToCounter(string key, long count) => _addToCounter.Bind(1, key).Bind(2, count).Run();

    public void SetMeta(string key, long value) => _setMeta.Bind(1, key).Bind(2, value).Run();

    public void SetMeta(string key, string value) => _setMeta.Bind(1, key).Bind(2, value).Run();

    /// <summary>Up to <paramref name="limit"/> URLs of a host to fetch after <paramref name="after"/>, in queue order (rank, then id).</summary>
    public List<FrontierLease> Queued(HostQueue host, (int Rank, long Id) after, int limit)
    {
        var leases = new List<FrontierLease>(limit);
        _queued.Bind(1, host.Id).Bind(2, after.Rank).Bind(3, after.Id).Bind(4, limit);
        while (_queued.Step())
        {
            var carried = _queued.IsNull(4) ? null : CarriedValuesJson.Read(_queued.Text(4));
            leases.Add(new FrontierLease(_queued.Int64(0), new Uri(_queued.Text(1)), host.Name, (int)_queued.Int64(2), (int)_queued.Int64(3), carried, (int)_queued.Int64(5)));
        }

        return leases;
    }

    /// <summary>The committed items after <paramref name="after"/>, in commit order, as (seq, record bytes).</summary>
    public IEnumerable<(long Seq, byte[] Record)> ItemsAfter(long after)
    {
        _itemsAfter.Bind(1, after);
        try
        {
            while (_itemsAfter.Step())
            {
                yield return (_itemsAfter.Int64(0), _itemsAfter.Blob(1).ToArray());
            }
        }
        finally
        {
            _itemsAfter.Reset();
        }
    }

    public void Dispose()
    {
        foreach (var statement in _all)
        {
            statement.Dispose();
        }
    }
}
