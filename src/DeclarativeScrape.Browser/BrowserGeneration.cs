using Microsoft.Playwright;

namespace DeclarativeScrape.Browser;

/// <summary>
/// One launched browser: its number (1 for the first, then one more per restart), the renders it has started and the
/// contexts leased from it. Dead when it disconnected (it crashed or was killed); retiring after
/// <see cref="ChromiumOptions.PagesPerBrowser"/> renders (closed when its last lease comes back).
/// </summary>
internal sealed class BrowserGeneration(IBrowser browser, int number)
{
    private int _dead;
    private int _retiring;
    private int _leases;
    private int _renders;

    public IBrowser Browser { get; } = browser;

    public int Number { get; } = number;

    /// <summary>Whether new renders may use it.</summary>
    public bool IsUsable => Volatile.Read(ref _dead) == 0 && Volatile.Read(ref _retiring) == 0 && Browser.IsConnected;

    public bool IsDead => Volatile.Read(ref _dead) != 0 || !Browser.IsConnected;

    public void MarkDead() => Volatile.Write(ref _dead, 1);

    /// <summary>Counts a render; true when it reached <paramref name="limit"/> (0: none) and the browser should be replaced.</summary>
    public bool CountRender(int limit)
    {
        var renders = Interlocked.Increment(ref _renders);
        if (limit > 0 && renders >= limit)
        {
            Volatile.Write(ref _retiring, 1);
            return true;
        }

        return false;
    }

    public void Lease() => Interlocked.Increment(ref _leases);

    /// <summary>Gives a lease back; true when the browser is retiring or dead and this was its last lease (close it now).</summary>
    public bool Unlease() => Interlocked.Decrement(ref _leases) == 0 && !IsUsable;

    public bool HasLeases => Volatile.Read(ref _leases) > 0;
}
