using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DeclarativeScrape.Examples.Tests.Workers;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: <c>initdb</c> into a temporary directory, started on a free loopback
/// port (its socket in the same directory), stopped and deleted at the end. PostgreSQL refuses to run as root, so under
/// root (CI) the cluster belongs to the unprivileged <c>postgres</c> user that Debian's package creates, through
/// <c>runuser</c>. When no server can be started (no binaries, no such user), <see cref="Unavailable"/> says why and
/// the tests skip with that message, except where <c>DS_REQUIRE_POSTGRES=1</c> (CI): there they fail.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private string _root = "";
    private string _data = "";
    private string _bin = "";
    private string? _runAs;
    private string _options = "";
    private int _databases;

    /// <summary>Why no server runs, or <see langword="null"/> when one does.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Skips the calling test, with the reason, when no server runs; fails it instead where a server is required (CI).</summary>
    public void SkipIfUnavailable()
    {
        if (Unavailable is not null && Environment.GetEnvironmentVariable("DS_REQUIRE_POSTGRES") == "1")
        {
            throw new InvalidOperationException($"DS_REQUIRE_POSTGRES=1, but {Unavailable}");
        }

        Skip.If(Unavailable is not null, Unavailable);
    }

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>A URI for database <paramref name="database"/> as user <c>postgres</c>, with extra parameters.</summary>
    public string Uri(string database, string parameters = "") =>
        $"postgresql://postgres@127.0.0.1:{Port}/{database}" + (parameters.Length > 0 ? "?" + parameters : "");

    /// <summary>Creates a fresh database for one test.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"crawl{Interlocked.Increment(ref _databases)}";
        await RunAsync(Path.Combine(_bin, "psql"), "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", $"CREATE DATABASE {name}");
        return name;
    }

    /// <summary>Runs SQL in <paramref name="database"/> (psql), for arranging a test.</summary>
    public Task SqlAsync(string database, string sql) =>
        RunAsync(Path.Combine(_bin, "psql"), "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql);

    /// <summary>Runs a query in <paramref name="database"/> and returns its one value as text.</summary>
    public async Task<string> ScalarAsync(string database, string sql) =>
        (await RunAsync(Path.Combine(_bin, "psql"), "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql)).Trim();

    public async Task InitializeAsync()
    {
        _bin = FindBinaries() ?? "";
        if (_bin.Length == 0)
        {
            Unavailable = "no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or $DS_POSTGRES_BIN: install Debian's postgresql package (.ci/run does)";
            return;
        }

        if (Environment.UserName == "root")
        {
            if (!File.Exists("/usr/sbin/runuser") || !await UserExistsAsync("postgres"))
            {
                Unavailable = "running as root, and there is no unprivileged 'postgres' user (or no runuser) to run a PostgreSQL server as";
                return;
            }

            _runAs = "postgres";
        }

        _root = Directory.CreateTempSubdirectory("declarativescrape-pg-").FullName;
        _data = Path.Combine(_root, "data");
        try
        {
            if (_runAs is not null)
            {
                await RunProcessAsync("/bin/chown", null, _runAs, _root);
            }

            await RunAsync(Path.Combine(_bin, "initdb"), "-D", _data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions");
            Port = FreePort();
            _options = $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60";
            await RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", _data, "-o", _options, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start");
        }
        catch (Exception e)
        {
            var log = Path.Combine(_root, "server.log");
            Unavailable = $"a PostgreSQL server could not be started: {e.Message}" + (File.Exists(log) ? $"\n{File.ReadAllText(log)}" : "");
        }
    }

    public async Task DisposeAsync()
    {
        if (_data.Length > 0 && Directory.Exists(_data) && Unavailable is null)
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", _data, "-m", "immediate", "-w", "-t", "30", "stop");
            }
            catch (Exception)
            {
                // Deleting the directory below still frees the disk; a server left running would be killed with the machine.
            }
        }

        if (_root.Length > 0)
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Stops the server (the database goes away), for failure tests; <see cref="StartAgainAsync"/> brings it back.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", _data, "-m", "immediate", "-w", "-t", "30", "stop");

    public Task StartAgainAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", _data, "-o", _options, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start");

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("DS_POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> UserExistsAsync(string user)
    {
        try
        {
            await RunProcessAsync("/usr/bin/id", null, user);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private Task<string> RunAsync(string program, params string[] args) => RunProcessAsync(program, _runAs, args);

    /// <summary>Runs a program (as <paramref name="runAs"/> through runuser when given) and returns its output; throws with its output when it fails.</summary>
    private static async Task<string> RunProcessAsync(string program, string? runAs, params string[] args)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "/usr/sbin/runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        if (runAs is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(runAs);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} did not finish within {Bound}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }
}
