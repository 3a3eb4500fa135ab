using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace DeclarativeScrape.Browser;

/// <summary>
/// Owns Playwright (its Node driver, shipped in the Microsoft.Playwright package) and the browser: launches Chromium
/// from its executable path on first use, again after it died (crashed, killed) or retired, one launch at a time.
/// </summary>
internal sealed class BrowserHost : IAsyncDisposable
{
    private readonly ChromiumOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private BrowserGeneration? _current;
    private int _launches;
    private bool _disposed;

    public BrowserHost(ChromiumOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <summary>Browsers launched so far (1 + restarts).</summary>
    public int Launches => Volatile.Read(ref _launches);

    /// <summary>The browser now, if one runs.</summary>
    public BrowserGeneration? Current => Volatile.Read(ref _current);

    /// <summary>A usable browser, launching one when there is none (first use, after a crash, after retiring).</summary>
    /// <param name="executable">The Chromium to launch.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The browser, and whether this call replaced a dead one.</returns>
    public async Task<(BrowserGeneration Browser, bool Restarted)> GetAsync(string executable, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { IsUsable: true } usable)
        {
            return (usable, false);
        }

        await _launch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = _current;
            if (current is { IsUsable: true })
            {
                return (current, false);
            }

            var restarted = current is not null && current.IsDead;
            if (current is not null && !current.HasLeases)
            {
                await CloseAsync(current).ConfigureAwait(false);
            }

            var launched = await LaunchAsync(executable, current?.Number + 1 ?? 1).ConfigureAwait(false);
            Volatile.Write(ref _current, launched);
            return (launched, restarted);
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>Closes a retired or dead browser whose last lease came back.</summary>
    public Task RetireAsync(BrowserGeneration generation) => CloseAsync(generation);

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_current is { } current)
            {
                await CloseAsync(current).ConfigureAwait(false);
            }

            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task<BrowserGeneration> LaunchAsync(string executable, int number)
    {
        var arguments = new List<string>(_options.Arguments);
        if (_options.ScriptHeapMegabytes > 0)
        {
            arguments.Add($"--js-flags=--max-old-space-size={_options.ScriptHeapMegabytes}");
        }

        var launch = new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = arguments,
            Timeout = (float)_options.LaunchTimeout.TotalMilliseconds,
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
                var browser = await _playwright.Chromium.LaunchAsync(launch).ConfigureAwait(false);
                var generation = new BrowserGeneration(browser, number);
                browser.Disconnected += (_, _) => generation.MarkDead();
                Interlocked.Increment(ref _launches);
                Log.BrowserLaunched(_logger, executable, browser.Version, number);
                return generation;
            }
            catch (Exception exception) when (attempt == 1 && exception is PlaywrightException)
            {
                // The driver itself may have died with the browser: start a new one and try once more.
                _playwright?.Dispose();
                _playwright = null;
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"Chromium at '{executable}' could not be started: {exception.Message.Split('\n')[0]}", exception);
            }
        }
    }

    private async Task CloseAsync(BrowserGeneration generation)
    {
        generation.MarkDead();
        try
        {
            await generation.Browser.CloseAsync().WaitAsync(PageRender.CloseTimeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
