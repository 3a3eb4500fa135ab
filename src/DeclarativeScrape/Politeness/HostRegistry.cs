using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeclarativeScrape;

/// <summary>
/// The engine's hosts (one <see cref="HostGate"/> per authority, shared by every run) and the engine-wide cap on
/// requests in flight (<see cref="EngineOptions.MaxConcurrency"/>).
/// </summary>
internal sealed class HostRegistry
{
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _max;
    private IWakeable[] _runs = [];
    private int _inFlight;
    private int _starved;

    public HostRegistry(int maxConcurrency, TimeProvider time, ILogger? logger = null)
    {
        _max = maxConcurrency;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Requests in flight on the engine.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public HostGate Get(string host) => _gates.GetOrAdd(host, static (h, registry) => new HostGate(h, registry, registry._time, registry._logger), this);

    /// <summary>The rates learned on the engine's hosts so far.</summary>
    public IReadOnlyList<LearnedRate> LearnedRates => [.. _gates.Values.Select(static g => g.Learned).OfType<LearnedRate>().OrderBy(static r => r.Host, StringComparer.Ordinal)];

    /// <summary>The gates of hosts some run uses now (for the per-host limit gauge).</summary>
    public IEnumerable<HostGate> Active => _gates.Values.Where(g => g.InUse);

    public void AddRun(IWakeable run)
    {
        lock (_gates)
        {
            _runs = [.. _runs, run];
        }
    }

    public void RemoveRun(IWakeable run)
    {
        lock (_gates)
        {
            _runs = Array.FindAll(_runs, r => !ReferenceEquals(r, run));
        }
    }

    /// <summary>Takes an engine-wide slot, if one is free.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _inFlight) <= _max)
        {
            return true;
        }

        // Flag before giving the slot back: a release racing with us then either sees the flag or is seen below.
        Volatile.Write(ref _starved, 1);
        if (Interlocked.Decrement(ref _inFlight) < _max)
        {
            WakeAll();
        }

        return false;
    }

    public void Exit()
    {
        Interlocked.Decrement(ref _inFlight);
        if (Volatile.Read(ref _starved) == 1 && Interlocked.Exchange(ref _starved, 0) == 1)
        {
            WakeAll();
        }
    }

    /// <summary>Reports each used host's current limit to <c>declarativescrape.host.limit</c>.</summary>
    public IEnumerable<Measurement<int>> MeasureLimits()
    {
        foreach (var gate in Active)
        {
            yield return new Measurement<int>(gate.Limit, ScrapeTelemetry.ServerTags(gate.Host));
        }
    }

    /// <summary>Reports each used host's pacing rate (learned or configured) to <c>declarativescrape.host.rate</c>.</summary>
    public IEnumerable<Measurement<double>> MeasureRates()
    {
        foreach (var gate in Active)
        {
            if (gate.Rate is { } rate)
            {
                yield return new Measurement<double>(rate, ScrapeTelemetry.ServerTags(gate.Host));
            }
        }
    }

    private void WakeAll()
    {
        foreach (var run in Volatile.Read(ref _runs))
        {
            run.Wake();
        }
    }
}
