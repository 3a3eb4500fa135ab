using System.Diagnostics.Tracing;
using System.Text.Json.Nodes;

namespace DeclarativeScrape.CrawlBenchmark;

/// <summary>
/// The runtime's GC events seen from inside the process through EventPipe (an <see cref="EventListener"/> on
/// <c>Microsoft-Windows-DotNETRuntime</c>, GC keyword, verbose): collections by generation and reason, and the
/// allocation ticks (one about every 100 KB allocated) by heap (small, large, pinned) with the types of the large
/// ones. Started by <c>--gc-events</c>; what it saw goes into the <c>RESULT</c> line as <c>gcEvents</c>.
/// </summary>
internal sealed class GcEventCounter : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _collections = [];
    private readonly Dictionary<string, long> _ticksByHeap = [];
    private readonly Dictionary<string, long> _largeTypes = [];
    private readonly object _lock = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        lock (_lock)
        {
            if (eventData.EventName is { } name && name.StartsWith("GCStart", StringComparison.Ordinal))
            {
                var key = $"gen{Value(names, payload, "Depth")}:{Reason(Value(names, payload, "Reason"))}";
                _collections[key] = _collections.GetValueOrDefault(key) + 1;
            }
            else if (eventData.EventName is { } tick && tick.StartsWith("GCAllocationTick", StringComparison.Ordinal))
            {
                var heap = Value(names, payload, "AllocationKind") switch { "0" => "small", "1" => "large", "2" => "pinned", var other => other };
                _ticksByHeap[heap] = _ticksByHeap.GetValueOrDefault(heap) + 1;
                if (heap == "large")
                {
                    var type = Value(names, payload, "TypeName");
                    _largeTypes[type] = _largeTypes.GetValueOrDefault(type) + 1;
                }
            }
        }
    }

    /// <summary>What was counted, for the <c>RESULT</c> line.</summary>
    public JsonObject ToJson()
    {
        lock (_lock)
        {
            return new JsonObject
            {
                ["collections"] = ToObject(_collections),
                ["allocationTicksByHeap"] = ToObject(_ticksByHeap),
                ["largeObjectTypes"] = ToObject(_largeTypes),
            };
        }
    }

    private static JsonObject ToObject(Dictionary<string, long> counts)
    {
        var json = new JsonObject();
        foreach (var (key, count) in counts.OrderByDescending(c => c.Value).Take(20))
        {
            json[key] = count;
        }

        return json;
    }

    private static string Value(System.Collections.ObjectModel.ReadOnlyCollection<string> names, System.Collections.ObjectModel.ReadOnlyCollection<object?> payload, string name)
    {
        var at = names.IndexOf(name);
        return at >= 0 ? Convert.ToString(payload[at], System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";
    }

    // The runtime's gc_reason values that a crawl meets.
    private static string Reason(string value) => value switch
    {
        "0" => "alloc-small",
        "1" => "induced",
        "2" => "low-memory",
        "3" => "empty",
        "4" => "alloc-large",
        "5" => "oos-small",
        "6" => "oos-large",
        "7" => "induced-noforce",
        _ => value,
    };
}
