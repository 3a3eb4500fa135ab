using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary>
/// An example (or the SDK's <c>dotnet</c>) running as a child process: its standard output and error collected line by line, waits that are
/// bounded in time (the process is killed when one runs out), and POSIX signals. Disposing kills it if it still runs.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    /// <summary>The longest any example may run in these tests.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public const int SigInt = 2;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly string _description;
    private readonly List<string> _output = [];
    private readonly List<string> _error = [];
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _line = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(string description, IReadOnlyList<string> commandLine, string workingDirectory, string? program = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // A test runner started in the background by a non-interactive shell ignores SIGINT, and a child inherits
        // that (.NET then installs no Ctrl+C handler): GNU env gives the child SIGINT's default back, so the Ctrl+C
        // tests send what a terminal sends whatever started the tests.
        var start = new ProcessStartInfo(OperatingSystem.IsLinux() ? "env" : program ?? Dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (OperatingSystem.IsLinux())
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(program ?? Dotnet);
        }

        foreach (var arg in commandLine)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        _description = description;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(_output, e.Data, _outputClosed);
        _process.ErrorDataReceived += (_, e) => Collect(_error, e.Data, _errorClosed);
    }

    /// <summary>The SDK's <c>dotnet</c> (the one running the tests).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>Standard output so far, one entry per line.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Standard error so far, one entry per line.</summary>
    public IReadOnlyList<string> Error
    {
        get
        {
            lock (_error)
            {
                return [.. _error];
            }
        }
    }

    /// <summary>Starts <paramref name="example"/> with <paramref name="args"/>.</summary>
    public static ChildProcess Start(Example example, string workingDirectory, params string[] args)
    {
        File.Exists(example.AssemblyPath).ShouldBeTrue($"{example.AssemblyPath} is built by this test project's build");
        return Start(new ChildProcess($"{example} {string.Join(' ', args)}", [example.AssemblyPath, .. args], workingDirectory));
    }

    /// <summary>Starts <paramref name="example"/> with <paramref name="args"/> and <paramref name="environment"/> on top of the test's own.</summary>
    public static ChildProcess Start(Example example, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        File.Exists(example.AssemblyPath).ShouldBeTrue($"{example.AssemblyPath} is built by this test project's build");
        return Start(new ChildProcess($"{example} {string.Join(' ', args)}", [example.AssemblyPath, .. args], workingDirectory, environment: environment));
    }

    /// <summary>Starts the .NET SDK's <c>dotnet</c> with <paramref name="args"/> (<c>pack</c>, <c>build</c>, <c>run</c>...).</summary>
    public static ChildProcess StartDotnet(string workingDirectory, params string[] args) =>
        Start(new ChildProcess($"dotnet {string.Join(' ', args)}", args, workingDirectory));

    /// <summary>Starts the .NET SDK's <c>dotnet</c> with <paramref name="args"/> and <paramref name="environment"/> on top of the test's own.</summary>
    public static ChildProcess StartDotnet(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Start(new ChildProcess($"dotnet {string.Join(' ', args)}", args, workingDirectory, environment: environment));

    /// <summary>Runs <paramref name="script"/> with bash, stopping at the first failing command (<c>set -e</c>).</summary>
    public static ChildProcess StartShell(string workingDirectory, string script, IReadOnlyDictionary<string, string?> environment) =>
        Start(new ChildProcess($"bash: {script.Trim().Replace('\n', ';')}", ["-e", "-o", "pipefail", "-c", script], workingDirectory, "bash", environment));

    private static ChildProcess Start(ChildProcess child)
    {
        child._process.Start();
        child._process.StandardInput.Close();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the process to exit and its output to be read; kills it and fails when it takes longer than <paramref name="timeout"/>.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{_description} did not exit within {timeout ?? DefaultTimeout}; killed.\n{Transcript()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends a POSIX signal (<see cref="SigInt"/>, <see cref="SigTerm"/>) to the process.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Waits until standard error has a line matching <paramref name="match"/>; fails after <paramref name="timeout"/>.</summary>
    public Task WaitForErrorLineAsync(Func<string, bool> match, TimeSpan timeout) => WaitForLineAsync(_error, _errorClosed, match, timeout);

    /// <summary>Waits until standard output has a line matching <paramref name="match"/>; fails after <paramref name="timeout"/>.</summary>
    public Task WaitForOutputLineAsync(Func<string, bool> match, TimeSpan timeout) => WaitForLineAsync(_output, _outputClosed, match, timeout);

    private async Task WaitForLineAsync(List<string> lines, TaskCompletionSource closed, Func<string, bool> match, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (lines)
            {
                if (lines.Any(match))
                {
                    return;
                }

                next = _line.Task;
            }

            try
            {
                await Task.WhenAny(next, closed.Task).WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_description} printed no such line within {timeout}.\n{Transcript()}");
            }

            lock (lines)
            {
                if (closed.Task.IsCompleted && !lines.Any(match))
                {
                    throw new InvalidOperationException($"{_description} closed the stream without such a line.\n{Transcript()}");
                }
            }
        }
    }

    /// <summary>Everything the process printed, for assertion messages.</summary>
    public string Transcript() =>
        $"--- {_description}: stdout ---\n{string.Join('\n', Output.TakeLast(40))}\n--- stderr ---\n{string.Join('\n', Error.TakeLast(60))}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    private void Collect(List<string> lines, string? line, TaskCompletionSource closed)
    {
        TaskCompletionSource added;
        lock (lines)
        {
            if (line is null)
            {
                closed.TrySetResult();
            }
            else
            {
                lines.Add(line);
            }

            added = Interlocked.Exchange(ref _line, new(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        added.TrySetResult();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
