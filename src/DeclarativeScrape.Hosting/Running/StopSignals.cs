using System.Runtime.InteropServices;

namespace DeclarativeScrape.Hosting;

/// <summary>
/// Turns Ctrl+C (SIGINT), SIGTERM and the caller's cancellation token into a graceful stop: the first request
/// cancels <see cref="Token"/> (the run starts no new request and lets the ones in flight finish, for a bounded time);
/// a second signal cancels the requests in flight; a third asks to quit at once.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<StopReason> _onGraceful;
    private readonly Action<StopReason> _onCancelRequests;
    private readonly Action<StopReason> _onImmediate;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly CancellationTokenRegistration _external;
    private int _requests;
    private volatile StopReason _reason;

    /// <param name="external">The caller's token: cancelling it stops the run gracefully.</param>
    /// <param name="registerSignals">Whether to handle the process's SIGINT and SIGTERM (not in tests).</param>
    /// <param name="onGraceful">Called on the first request, before the token is cancelled.</param>
    /// <param name="onCancelRequests">Called on a second signal: cancel the requests in flight.</param>
    /// <param name="onImmediate">Called on a third signal: quit at once.</param>
    public StopSignals(CancellationToken external, bool registerSignals, Action<StopReason> onGraceful, Action<StopReason> onCancelRequests, Action<StopReason> onImmediate)
    {
        _onGraceful = onGraceful;
        _onCancelRequests = onCancelRequests;
        _onImmediate = onImmediate;
        if (registerSignals)
        {
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Handle(context, StopReason.Interrupted)));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Handle(context, StopReason.Terminated)));
        }

        _external = external.Register(static state => ((StopSignals)state!).Request(StopReason.Cancelled), this);
    }

    /// <summary>Cancelled on the first stop request.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Why the run is stopping; <see cref="StopReason.None"/> until asked.</summary>
    public StopReason Reason => _reason;

    /// <summary>
    /// Asks to stop. The first request stops gracefully; a second signal cancels the requests in flight; a third quits
    /// at once (a later token cancellation is ignored).
    /// </summary>
    /// <param name="reason">What asked.</param>
    /// <returns><see langword="true"/> for the graceful stop, <see langword="false"/> for a later request.</returns>
    public bool Request(StopReason reason)
    {
        if (reason == StopReason.Cancelled && Volatile.Read(ref _requests) > 0)
        {
            return false;
        }

        switch (Interlocked.Increment(ref _requests))
        {
            case 1:
                _reason = reason;
                _onGraceful(reason);
                // Cancel off the signal thread: the run's cancellation callbacks do real work.
                _ = _stop.CancelAsync();
                return true;
            case 2:
                _onCancelRequests(reason);
                return false;
            default:
                _onImmediate(reason);
                return false;
        }
    }

    public void Dispose()
    {
        _external.Dispose();
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void Handle(PosixSignalContext context, StopReason reason)
    {
        context.Cancel = true;
        Request(reason);
    }
}
