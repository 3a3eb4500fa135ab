using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace DeclarativeScrape.Examples.Tests.Resume;

/// <summary>
/// examples/Bookstore run as a child process (<c>dotnet Bookstore.dll --url … --state … --out … --quiet</c>), so a test
/// can kill it with SIGKILL or stop it with SIGINT at any moment. Its output is collected for failure messages.
/// </summary>
internal sealed class BookstoreProcess : IAsyncDisposable
{
    private const int SigInt = 2;

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private BookstoreProcess(Process process) => _process = process;

    /// <summary>The example's program, built beside this test project in the same configuration.</summary>
    public static string Program { get; } = FindProgram();

    /// <summary>What the process printed (standard output and error).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the process has ended.</summary>
    public Task Exited => _process.WaitForExitAsync(CancellationToken.None);

    public static BookstoreProcess Start(Uri startUrl, string stateDirectory, string output)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Program, "--url", startUrl.AbsoluteUri, "--state", stateDirectory, "--out", output, "--quiet" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var child = new BookstoreProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the process to end by itself; kills it and fails when it does not within <paramref name="bound"/>.</summary>
    public async Task<int> WaitAsync(TimeSpan bound, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The bookstore process did not end within {bound}. Its output:\n{Log}");
        }

        await _process.WaitForExitAsync(CancellationToken.None);   // the output streams are drained too
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies at once, wherever it is.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended by itself meanwhile.
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>SIGINT, as Ctrl+C in a terminal: the host stops gracefully.</summary>
    public void Interrupt()
    {
        if (!_process.HasExited && Kill(_process.Id, SigInt) != 0)
        {
            throw new InvalidOperationException($"kill(SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static string FindProgram()
    {
        // bin/<Configuration>/net10.0/ of this test project → the same folders under examples/Bookstore.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DeclarativeScrape.sln")))
        {
            root = root.Parent;
        }

        var program = Path.Combine(root?.FullName ?? throw new InvalidOperationException("DeclarativeScrape.sln not found above " + here.FullName),
            "examples", "Bookstore", "bin", configuration, framework, "Bookstore.dll");
        return File.Exists(program) ? program : throw new FileNotFoundException("Build examples/Bookstore first (the test project references it).", program);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
