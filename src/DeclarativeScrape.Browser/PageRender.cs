using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace DeclarativeScrape.Browser;

/// <summary>
/// One attempt at rendering a page in a pooled context: a fresh page whose route serves the fetched document at its URL,
/// blocks the spec's resource types and any further navigation of the page, and sends every other request through the
/// run's <see cref="ISubresourceGate"/> (its slot is held until the request finished or failed); then the wait
/// event, the selector, the script condition, the fixed wait, the clicks, and the DOM's HTML. Crashes and timeouts are results, never exceptions.
/// </summary>
internal sealed class PageRender
{
    /// <summary>After a click, the page is settled once no request has been in flight for this long.</summary>
    internal static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan QuietPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest closing a page (or a context) may take: a dying browser may never answer.</summary>
    internal static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    private readonly RenderRequest _request;
    private readonly ILogger _logger;
    private readonly long _deadline;
    private readonly ConcurrentDictionary<IRequest, Admitted> _admitted = new();
    private readonly TaskCompletionSource _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _end = new();
    private int _documentServed;
    private int _inFlight;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private string _stage = "loading";

    private PageRender(RenderRequest request, ILogger logger)
    {
        _request = request;
        _logger = logger;
        _deadline = Stopwatch.GetTimestamp() + (long)(request.Spec.Timeout.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Renders <paramref name="request"/> once in <paramref name="context"/>.</summary>
    public static async Task<RenderAttempt> RunAsync(IBrowserContext context, RenderRequest request, ILogger logger, CancellationToken cancellationToken)
    {
        // _end is not disposed: route handlers of the closed page may still look at it.
        return await new PageRender(request, logger).RunAsync(context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RenderAttempt> RunAsync(IBrowserContext context, CancellationToken cancellationToken)
    {
        IPage? page = null;
        try
        {
            await context.ClearCookiesAsync().ConfigureAwait(false);
            if (_request.Cookies.Count > 0)
            {
                await context.AddCookiesAsync(_request.Cookies.Select(ToPlaywright)).ConfigureAwait(false);
            }

            page = await context.NewPageAsync().ConfigureAwait(false);
            page.Crash += (_, _) => _crashed.TrySetResult();
            page.Request += (_, _) => Activity(+1);
            page.RequestFinished += (_, r) => Ended(r);
            page.RequestFailed += (_, r) => Ended(r);
            page.Response += (_, r) =>
            {
                if (_admitted.TryGetValue(r.Request, out var admitted))
                {
                    admitted.Status = r.Status;
                }
            };
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = _request.UserAgent };
            foreach (var (name, value) in _request.Headers)
            {
                headers[name] = value;
            }

            await page.SetExtraHTTPHeadersAsync(headers).ConfigureAwait(false);
            var mainFrame = page.MainFrame;
            await page.RouteAsync("**/*", route => RouteAsync(route, mainFrame)).ConfigureAwait(false);
            using var stop = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _end);

            _stage = "waiting for the " + _request.Spec.WaitUntil switch
            {
                RenderWaitUntil.DomContentLoaded => "DOMContentLoaded event",
                RenderWaitUntil.NetworkIdle => "network to be idle",
                _ => "load event",
            };
            await Race(page.GotoAsync(_request.Url.AbsoluteUri, new PageGotoOptions
            {
                WaitUntil = _request.Spec.WaitUntil switch
                {
                    RenderWaitUntil.DomContentLoaded => WaitUntilState.DOMContentLoaded,
                    RenderWaitUntil.NetworkIdle => WaitUntilState.NetworkIdle,
                    _ => WaitUntilState.Load,
                },
                Timeout = Remaining(),
            })).ConfigureAwait(false);

            if (_request.Spec.WaitForSelector is { } selector)
            {
                _stage = $"waiting for the selector '{selector}'";
                await Race(page.WaitForSelectorAsync("css=" + selector, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = Remaining() })).ConfigureAwait(false);
            }

            if (_request.Spec.WaitForScript is { } script)
            {
                _stage = $"waiting for the script condition '{script}'";
                await Race(page.WaitForFunctionAsync(script, null, new PageWaitForFunctionOptions { Timeout = Remaining() })).ConfigureAwait(false);
            }

            if (_request.Spec.Wait > TimeSpan.Zero)
            {
                _stage = $"waiting the fixed {_request.Spec.Wait.TotalSeconds:0.###} s (RenderAttribute.WaitSeconds)";
                var left = TimeSpan.FromMilliseconds(Remaining());
                await Race(Task.Delay(_request.Spec.Wait < left ? _request.Spec.Wait : left, _end.Token)).ConfigureAwait(false);
                if (_request.Spec.Wait >= left)
                {
                    throw new TimeoutException();
                }
            }

            if (_request.Spec.ClickSelector is { } click)
            {
                var control = page.Locator("css=" + click).First;
                for (var clicks = 0; clicks < _request.Spec.MaxClicks; clicks++)
                {
                    _stage = $"clicking '{click}' ({clicks + 1} of at most {_request.Spec.MaxClicks})";
                    if (!await Race(control.IsVisibleAsync()).ConfigureAwait(false))
                    {
                        break;
                    }

                    await Race(control.ClickAsync(new LocatorClickOptions { Timeout = Remaining() })).ConfigureAwait(false);
                    await Race(WaitQuietAsync()).ConfigureAwait(false);
                }
            }

            _stage = "reading the DOM";
            var html = await Race(page.ContentAsync()).ConfigureAwait(false);
            return RenderAttempt.Rendered(html);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return RenderAttempt.Cancelled;
        }
        catch (Exception exception) when (_crashed.Task.IsCompleted || IsCrash(exception, context))
        {
            return RenderAttempt.Crash($"the page crashed the browser while {_stage}: {FirstLine(exception)}");
        }
        catch (TimeoutException)
        {
            return RenderAttempt.Timeout($"the page did not settle within {_request.Spec.Timeout.TotalSeconds:0.###} s (RenderAttribute.TimeoutSeconds): still {_stage}");
        }
        catch (PlaywrightException exception)
        {
            return RenderAttempt.Failure($"the browser failed while {_stage}: {FirstLine(exception)}");
        }
        finally
        {
            _end.Cancel();
            if (page is not null)
            {
                try
                {
                    await page.CloseAsync().WaitAsync(CloseTimeout).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is PlaywrightException or TimeoutException or ObjectDisposedException)
                {
                    // Crashed or gone with its browser.
                }
            }

            // Requests still in flight (the page closed, crashed or timed out) give their slots back now.
            foreach (var request in _admitted.Keys)
            {
                if (_admitted.TryRemove(request, out var admitted))
                {
                    admitted.Ticket.Complete(admitted.Status);
                }
            }
        }
    }

    private async Task RouteAsync(IRoute route, IFrame mainFrame)
    {
        var request = route.Request;
        try
        {
            if (request.IsNavigationRequest && ReferenceEquals(request.Frame, mainFrame))
            {
                if (Interlocked.Exchange(ref _documentServed, 1) == 0)
                {
                    // The document the crawl fetched (through its host's slot, rate, robots.txt and redirects).
                    await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = _request.ContentType, BodyBytes = _request.Body.ToArray() }).ConfigureAwait(false);
                }
                else
                {
                    // The page stays the page: a script or a click does not take it elsewhere.
                    await route.AbortAsync("blockedbyclient").ConfigureAwait(false);
                }

                return;
            }

            if (IsBlocked(request.ResourceType, _request.Spec.Block) || !Uri.TryCreate(request.Url, UriKind.Absolute, out var url))
            {
                await route.AbortAsync("blockedbyclient").ConfigureAwait(false);
                return;
            }

            var ticket = await _request.Subresources.AdmitAsync(url, _end.Token).ConfigureAwait(false);
            if (!ticket.IsAllowed)
            {
                Log.SubresourceBlocked(_logger, _request.Url, request.Url, ticket.BlockedBecause!);
                await route.AbortAsync("blockedbyclient").ConfigureAwait(false);
                return;
            }

            _admitted[request] = new Admitted(ticket);
            if (_end.IsCancellationRequested)
            {
                // The render ended while the slot was being taken: its release above may have run already.
                throw new OperationCanceledException();
            }

            await route.ContinueAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or PlaywrightException or ObjectDisposedException)
        {
            // The render ended (or the page went away) while the request waited: nothing goes out.
            if (_admitted.TryRemove(request, out var admitted))
            {
                admitted.Ticket.Complete(null);
            }
        }
    }

    private void Ended(IRequest request)
    {
        if (_admitted.TryRemove(request, out var admitted))
        {
            admitted.Ticket.Complete(admitted.Status);
        }

        Activity(-1);
    }

    private void Activity(int change)
    {
        Interlocked.Add(ref _inFlight, change);
        Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
    }

    /// <summary>Waits until no request has been in flight for <see cref="QuietPeriod"/> (after a click).</summary>
    private async Task WaitQuietAsync()
    {
        await Task.Delay(QuietPoll, _end.Token).ConfigureAwait(false);   // let the click's requests start
        while (true)
        {
            var idle = Stopwatch.GetElapsedTime(Volatile.Read(ref _lastActivity));
            if (Volatile.Read(ref _inFlight) <= 0 && idle >= QuietPeriod)
            {
                return;
            }

            if (Remaining() <= 0)
            {
                throw new TimeoutException();
            }

            await Task.Delay(QuietPoll, _end.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Whichever comes first: the operation, or the page crashing.</summary>
    private async Task<T> Race<T>(Task<T> operation)
    {
        if (await Task.WhenAny(operation, _crashed.Task).ConfigureAwait(false) != operation)
        {
            _ = operation.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            throw new PlaywrightException("the page's renderer crashed");
        }

        return await operation.ConfigureAwait(false);
    }

    private async Task Race(Task operation)
    {
        if (await Task.WhenAny(operation, _crashed.Task).ConfigureAwait(false) != operation)
        {
            _ = operation.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            throw new PlaywrightException("the page's renderer crashed");
        }

        await operation.ConfigureAwait(false);
    }

    private float Remaining()
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _deadline).TotalMilliseconds;
        return left <= 0 ? 1 : (float)left;
    }

    private static bool IsCrash(Exception exception, IBrowserContext context) =>
        exception is PlaywrightException && (context.Browser is { IsConnected: false }
            || exception.Message.Contains("crash", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("Target closed", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("has been closed", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a request of Playwright's resource type is one the spec blocks.</summary>
    internal static bool IsBlocked(string resourceType, RenderResources block) => resourceType switch
    {
        "image" => block.HasFlag(RenderResources.Images),
        "font" => block.HasFlag(RenderResources.Fonts),
        "media" => block.HasFlag(RenderResources.Media),
        "stylesheet" => block.HasFlag(RenderResources.Stylesheets),
        "script" => block.HasFlag(RenderResources.Scripts),
        "fetch" or "xhr" or "eventsource" or "websocket" => block.HasFlag(RenderResources.Fetch),
        "document" => false,
        _ => block.HasFlag(RenderResources.Other),
    };

    private Cookie ToPlaywright(System.Net.Cookie cookie) => new()
    {
        Name = cookie.Name,
        Value = cookie.Value,
        Domain = string.IsNullOrEmpty(cookie.Domain) ? _request.Url.Host : cookie.Domain,
        Path = string.IsNullOrEmpty(cookie.Path) ? "/" : cookie.Path,
        Secure = cookie.Secure,
        HttpOnly = cookie.HttpOnly,
        Expires = cookie.Expires == DateTime.MinValue ? -1 : (float)new DateTimeOffset(cookie.Expires.ToUniversalTime()).ToUnixTimeSeconds(),
    };

    private static string FirstLine(Exception exception) => exception.Message.Split('\n')[0].Trim();

    private sealed class Admitted(SubresourceTicket ticket)
    {
        public SubresourceTicket Ticket { get; } = ticket;

        public int? Status { get; set; }
    }
}
