using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace DeclarativeScrape.Browser;

/// <summary>
/// Idle browser contexts for reuse: a context renders one page at a time and at most
/// <see cref="ChromiumOptions.PagesPerContext"/> pages, then it is closed (and its memory freed) and a fresh one made.
/// Contexts of a browser that died or retired are never reused. Holds at most <see cref="ChromiumOptions.MaxConcurrency"/>.
/// </summary>
internal sealed class BrowserContextPool(ChromiumOptions options, BrowserHost host)
{
    private readonly ConcurrentQueue<PooledContext> _idle = new();
    private int _created;

    /// <summary>Contexts created so far.</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>A context of <paramref name="browser"/>: an idle one, else a new one.</summary>
    public async Task<PooledContext> AcquireAsync(BrowserGeneration browser)
    {
        browser.Lease();
        try
        {
            while (_idle.TryDequeue(out var idle))
            {
                if (ReferenceEquals(idle.Browser, browser) && browser.IsUsable)
                {
                    return idle;
                }

                await CloseAsync(idle).ConfigureAwait(false);
            }

            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ServiceWorkers = ServiceWorkerPolicy.Block,   // every request of the page passes its route
                AcceptDownloads = false,
            }).ConfigureAwait(false);
            Interlocked.Increment(ref _created);
            return new PooledContext(context, browser);
        }
        catch
        {
            await UnleaseAsync(browser).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Gives a context back after one render: kept for the next, or closed when used up, broken or its browser is gone.</summary>
    public async Task ReleaseAsync(PooledContext context, bool broken)
    {
        context.Renders++;
        if (broken || context.Renders >= options.PagesPerContext || !context.Browser.IsUsable || _idle.Count >= options.MaxConcurrency)
        {
            await CloseAsync(context).ConfigureAwait(false);
        }
        else
        {
            _idle.Enqueue(context);
        }

        await UnleaseAsync(context.Browser).ConfigureAwait(false);
    }

    /// <summary>Closes every idle context (the renderer is being disposed).</summary>
    public async Task ClearAsync()
    {
        while (_idle.TryDequeue(out var idle))
        {
            await CloseAsync(idle).ConfigureAwait(false);
        }
    }

    private async Task UnleaseAsync(BrowserGeneration browser)
    {
        if (browser.Unlease())
        {
            await host.RetireAsync(browser).ConfigureAwait(false);
        }
    }

    private static async Task CloseAsync(PooledContext context)
    {
        try
        {
            await context.Context.CloseAsync().WaitAsync(PageRender.CloseTimeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException or ObjectDisposedException)
        {
            // Its browser is gone: nothing to close.
        }
    }
}
