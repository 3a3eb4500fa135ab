using System.Threading.Channels;

namespace DeclarativeScrape;

/// <summary>
/// An auto-reset wake-up for the dispatcher: any number of <see cref="Set"/> calls while it works collapse into one
/// pending wake, so none is lost and none piles up. <see cref="Set"/> never blocks.
/// </summary>
internal sealed class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Set() => _channel.Writer.TryWrite(true);

    public async ValueTask WaitAsync()
    {
        await _channel.Reader.WaitToReadAsync().ConfigureAwait(false);
        _channel.Reader.TryRead(out _);
    }
}
