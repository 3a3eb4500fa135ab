using System.Text.Json;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary>The host's machine-readable <c>RESULT {json}</c> line, the last line on standard error.</summary>
public sealed class RunResult(JsonElement json)
{
    public const string Prefix = "RESULT ";

    public JsonElement Json { get; } = json;

    public string Stop => Json.GetProperty("stop").GetString()!;

    public bool Completed => Json.GetProperty("completed").GetBoolean();

    public int ExitCode => Json.GetProperty("exitCode").GetInt32();

    public long Items => Json.GetProperty("items").GetInt64();

    public long Processed => Json.GetProperty("processed").GetInt64();

    public long Skipped => Json.GetProperty("skipped").GetInt64();

    public long Failed => Json.GetProperty("failed").GetInt64();

    public bool Reconciles => Json.GetProperty("reconciles").GetBoolean();

    public long Skips(string reason) => Count("skippedByReason", reason);

    public long Failures(string reason) => Count("failedByReason", reason);

    /// <summary>The <c>RESULT</c> line of <paramref name="child"/>, which must be its last line on standard error.</summary>
    public static RunResult Of(ChildProcess child)
    {
        var last = child.Error.LastOrDefault() ?? "";
        last.ShouldStartWith(Prefix, customMessage: child.Transcript());
        return new RunResult(JsonDocument.Parse(last[Prefix.Length..]).RootElement.Clone());
    }

    private long Count(string property, string reason) =>
        Json.GetProperty(property).TryGetProperty(reason, out var n) ? n.GetInt64() : 0;
}
