using System.Globalization;
using Npgsql;

namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// A PostgreSQL connection URI as libpq and psql read it — <c>postgresql://[user[:password]@][host][:port][/dbname][?param=value&amp;…]</c>
/// (or <c>postgres://</c>) — turned into Npgsql's connection settings, which do not read URIs themselves. A host may be a
/// percent-encoded directory for a Unix socket (<c>postgresql://%2Fvar%2Frun%2Fpostgresql/crawl</c>), or given as the
/// <c>host</c> parameter. Parameters: <c>host</c>, <c>port</c>, <c>dbname</c>, <c>user</c>, <c>password</c>,
/// <c>sslmode</c>, <c>application_name</c>, <c>connect_timeout</c> (seconds), and this library's own: <c>schema</c> (the
/// PostgreSQL schema the crawl's tables live in, default <see cref="DefaultSchema"/>), <c>lease_timeout</c> and
/// <c>retry_for</c> (seconds, see <see cref="PgSettings"/>). Anything else is refused by name.
/// </summary>
internal sealed class PostgreSqlUri
{
    /// <summary>The PostgreSQL schema a crawl's tables live in unless the URI's <c>schema</c> parameter says otherwise.</summary>
    public const string DefaultSchema = "declarativescrape";

    private PostgreSqlUri(NpgsqlConnectionStringBuilder settings, string schema, PgSettings worker, string display)
    {
        Settings = settings;
        Schema = schema;
        Worker = worker;
        Display = display;
    }

    /// <summary>Npgsql's settings for the URI.</summary>
    public NpgsqlConnectionStringBuilder Settings { get; }

    /// <summary>The schema of the crawl's tables.</summary>
    public string Schema { get; }

    /// <summary>The worker's lease timeout and how long it tries to reach a database that went away.</summary>
    public PgSettings Worker { get; }

    /// <summary>The URI with its password hidden, for messages and logs.</summary>
    public string Display { get; }

    public override string ToString() => Display;

    /// <summary>Whether <paramref name="uri"/> names a PostgreSQL database (its scheme is <c>postgresql</c> or <c>postgres</c>).</summary>
    public static bool IsPostgreSql(string uri) => StateUris.IsPostgreSql(uri);

    /// <summary>Parses <paramref name="uri"/>.</summary>
    /// <param name="uri">The URI.</param>
    /// <param name="optionName">The option the URI came from, named in errors.</param>
    /// <exception cref="ScrapeOptionsException">The URI is not a PostgreSQL connection URI; the message says what is wrong, never the password.</exception>
    public static PostgreSqlUri Parse(string uri, string optionName)
    {
        var display = StateUris.Redact(uri);
        ScrapeOptionsException Problem(string why) => new(optionName, $"'{display}' is not a PostgreSQL connection URI: {why}. Write postgresql://user:password@host:5432/database (see docs/scaling-out.md).");

        if (!IsPostgreSql(uri))
        {
            throw Problem("it must start with postgresql:// or postgres://");
        }

        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = "";
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var path = "";
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            path = rest[(slash + 1)..];
            rest = rest[..slash];
        }

        var settings = new NpgsqlConnectionStringBuilder();
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            settings.Username = Decode(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                settings.Password = Decode(userInfo[(colon + 1)..]);
            }
        }

        if (rest.Length > 0)
        {
            string host = rest;
            if (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    throw Problem("an IPv6 host needs its closing ']'");
                }

                host = rest[1..close];
                rest = rest[(close + 1)..];
            }
            else
            {
                var colon = rest.LastIndexOf(':');
                host = colon < 0 ? rest : rest[..colon];
                rest = colon < 0 ? "" : rest[colon..];
            }

            if (host.Contains(',', StringComparison.Ordinal))
            {
                throw Problem("several hosts are not supported; give one");
            }

            settings.Host = Decode(host);
            if (rest.StartsWith(':'))
            {
                settings.Port = ParsePort(rest[1..], Problem);
            }
        }

        if (path.Length > 0)
        {
            settings.Database = Decode(path);
        }

        var schema = DefaultSchema;
        var worker = PgSettings.Default;
        TimeSpan Seconds(string key, string value) =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86_400
                ? TimeSpan.FromSeconds(seconds)
                : throw Problem($"{key} '{value}' is not a number of seconds (more than 0, at most a day)");
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            switch (key)
            {
                case "host":
                    settings.Host = value;
                    break;
                case "port":
                    settings.Port = ParsePort(value, Problem);
                    break;
                case "dbname":
                    settings.Database = value;
                    break;
                case "user":
                    settings.Username = value;
                    break;
                case "password":
                    settings.Password = value;
                    break;
                case "application_name":
                    settings.ApplicationName = value;
                    break;
                case "sslmode":
                    settings.SslMode = value.ToLowerInvariant() switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "prefer" => SslMode.Prefer,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => throw Problem($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
                    };
                    break;
                case "connect_timeout":
                    settings.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                        ? seconds
                        : throw Problem($"connect_timeout '{value}' is not a whole number of seconds");
                    break;
                case "lease_timeout":
                    worker = worker with { LeaseTimeout = Seconds(key, value) };
                    break;
                case "retry_for":
                    worker = worker with { RetryFor = Seconds(key, value) };
                    break;
                case "schema":
                    schema = IsIdentifier(value) ? value : throw Problem($"schema '{value}' must be a lower-case identifier (letters, digits, _)");
                    break;
                default:
                    throw Problem($"the parameter '{key}' is not one this library reads (host, port, dbname, user, password, sslmode, application_name, connect_timeout, schema, lease_timeout, retry_for)");
            }
        }

        if (string.IsNullOrEmpty(settings.Host))
        {
            // libpq's default: the local socket directory (Debian's).
            settings.Host = "/var/run/postgresql";
        }

        settings.Username ??= Environment.UserName;
        settings.Database ??= settings.Username;
        return new PostgreSqlUri(settings, schema, worker, display);
    }

    private static int ParsePort(string text, Func<string, ScrapeOptionsException> problem) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw problem($"the port '{text}' is not a number from 1 to 65535");

    private static string Decode(string text) => Uri.UnescapeDataString(text);

    private static bool IsIdentifier(string text) =>
        text.Length is > 0 and <= 63 && (char.IsAsciiLetterLower(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
