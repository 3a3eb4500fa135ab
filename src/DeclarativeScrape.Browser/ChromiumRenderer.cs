using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeclarativeScrape.Browser;

/// <summary>
/// Renders <see cref="RenderAttribute"/> pages in the system's Chromium through Playwright: set it as
/// <see cref="ScrapeOptions.Renderer"/>. At most <see cref="ChromiumOptions.MaxConcurrency"/> pages render at once,
/// each in a pooled browser context replaced every <see cref="ChromiumOptions.PagesPerContext"/> pages; a page that
/// crashes the browser is retried (<see cref="ChromiumOptions.RenderAttempts"/>) after the browser is restarted when it
/// died. Chromium starts on the first render and stops when the renderer is disposed. Nothing is ever downloaded.
/// </summary>
/// <example>
/// <code>
/// await using var browser = new ChromiumRenderer(new ChromiumOptions { MaxConcurrency = 4 });
/// var options = ShopScraper.CreateOptions();
/// options.Renderer = browser;
/// await foreach (var product in ShopScraper.RunAsync(options, cancellationToken)) { }
/// </code>
/// </example>
public sealed class ChromiumRenderer : IPageRenderer, IAsyncDisposable
{
    /// <summary>How long past its own timeout a render attempt (or taking a context) may go unanswered before the browser counts as dead.</summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(30);

    private readonly ChromiumOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly BrowserHost _host;
    private readonly BrowserContextPool _pool;
    private string? _executable;
    private int _disposed;

    /// <summary>Creates a renderer; Chromium starts on the first render.</summary>
    /// <param name="options">Its options (copied); <see langword="null"/> for the defaults.</param>
    /// <exception cref="ScrapeOptionsException">An option cannot work, or Chromium is not installed.</exception>
    public ChromiumRenderer(ChromiumOptions? options = null)
    {
        options ??= new ChromiumOptions();
        _options = new ChromiumOptions
        {
            ExecutablePath = options.ExecutablePath,
            MaxConcurrency = options.MaxConcurrency,
            PagesPerContext = options.PagesPerContext,
            PagesPerBrowser = options.PagesPerBrowser,
            RenderAttempts = options.RenderAttempts,
            ScriptHeapMegabytes = options.ScriptHeapMegabytes,
            Arguments = options.Arguments is null ? null! : [.. options.Arguments],
            LaunchTimeout = options.LaunchTimeout,
            LoggerFactory = options.LoggerFactory,
        };
        _executable = _options.Validate();
        _logger = (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("DeclarativeScrape.Browser");
        _slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
        _host = new BrowserHost(_options, _logger);
        _pool = new BrowserContextPool(_options, _host);
    }

    /// <summary>The Chromium executable in use.</summary>
    public string ExecutablePath => _executable!;

    /// <summary>Browsers started so far: 1 after the first render, one more per restart (after a crash or <see cref="ChromiumOptions.PagesPerBrowser"/>).</summary>
    public int BrowserLaunches => _host.Launches;

    /// <summary>Browser contexts created so far (one per <see cref="ChromiumOptions.PagesPerContext"/> pages, and after crashes).</summary>
    public int ContextsCreated => _pool.Created;

    /// <inheritdoc/>
    public void Validate()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _executable = _options.Validate();
    }

    /// <inheritdoc/>
    public async ValueTask<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Result(RenderAttempt.Cancelled, 0, 0);
        }

        var restarts = 0;
        try
        {
            var attempt = default(RenderAttempt);
            for (var number = 1; number <= _options.RenderAttempts; number++)
            {
                BrowserGeneration browser;
                try
                {
                    (browser, var restarted) = await _host.GetAsync(_executable!, cancellationToken).WaitAsync(_options.LaunchTimeout + StuckAfter, cancellationToken).ConfigureAwait(false);
                    restarts += restarted ? 1 : 0;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return Result(RenderAttempt.Cancelled, number, restarts);
                }
                catch (InvalidOperationException exception)
                {
                    return Result(RenderAttempt.Failure(exception.Message), number, restarts);
                }
                catch (TimeoutException)
                {
                    return Result(RenderAttempt.Failure($"Chromium at '{_executable}' did not start within {(_options.LaunchTimeout + StuckAfter).TotalSeconds:0} s"), number, restarts);
                }

                attempt = await RenderOnceAsync(browser, request, cancellationToken).ConfigureAwait(false);
                if (attempt.Status != RenderStatus.Crashed)
                {
                    return Result(attempt, number, restarts);
                }

                Log.RenderCrashed(_logger, request.Url, number, _options.RenderAttempts, attempt.Message!);
            }

            var crashed = attempt with { Message = $"{attempt.Message} (crashed on all {_options.RenderAttempts} attempts: ChromiumOptions.RenderAttempts)" };
            return Result(crashed, _options.RenderAttempts, restarts);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Stops Chromium and Playwright's driver.</summary>
    /// <returns>A task that completes when they have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _pool.ClearAsync().ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Crashes the running browser (Chromium's own <c>Browser.crash</c>), for tests of crash recovery.</summary>
    internal async Task CrashBrowserAsync()
    {
        if (_host.Current is { IsDead: false } current)
        {
            var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            current.Browser.Disconnected += (_, _) => gone.TrySetResult();
            var session = await current.Browser.NewBrowserCDPSessionAsync().ConfigureAwait(false);

            // The browser dies before it answers: the command never completes, the disconnection does.
            _ = session.SendAsync("Browser.crash").ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            await gone.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
    }

    private async Task<RenderAttempt> RenderOnceAsync(BrowserGeneration browser, RenderRequest request, CancellationToken cancellationToken)
    {
        PooledContext context;
        try
        {
            context = await _pool.AcquireAsync(browser).WaitAsync(StuckAfter, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is Microsoft.Playwright.PlaywrightException or ObjectDisposedException or TimeoutException)
        {
            browser.MarkDead();
            return RenderAttempt.Crash($"the browser was gone: {exception.Message.Split('\n')[0]}");
        }
        catch (OperationCanceledException)
        {
            return RenderAttempt.Cancelled;
        }

        // A browser that dies in the middle of a call may leave it unanswered: an attempt gets its own timeout and a
        // margin, then the browser counts as dead (it is replaced) and the page is retried. No render waits forever.
        var render = PageRender.RunAsync(context.Context, request, _logger, cancellationToken);
        if (await Task.WhenAny(render, Task.Delay(request.Spec.Timeout + StuckAfter, CancellationToken.None)).ConfigureAwait(false) != render)
        {
            _ = render.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            browser.MarkDead();
            _ = _pool.ReleaseAsync(context, broken: true);
            return RenderAttempt.Crash($"the browser stopped answering for {(request.Spec.Timeout + StuckAfter).TotalSeconds:0} s");
        }

        var attempt = await render.ConfigureAwait(false);
        browser.CountRender(_options.PagesPerBrowser);
        await _pool.ReleaseAsync(context, broken: attempt.Status is RenderStatus.Crashed or RenderStatus.Failed).ConfigureAwait(false);
        return attempt;
    }

    private static RenderResult Result(RenderAttempt attempt, int attempts, int restarts) => new()
    {
        Status = attempt.Status,
        Html = attempt.Html,
        Message = attempt.Message,
        Attempts = Math.Max(1, attempts),
        BrowserRestarts = restarts,
    };
}
