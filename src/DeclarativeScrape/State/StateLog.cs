using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>Log messages of the state directory.</summary>
internal static partial class StateLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "State {StateFile}: new crawl")]
    public static partial void Fresh(ILogger logger, string stateFile);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "State {StateFile}: resuming after {EarlierRuns} run(s): {Carried} URLs to fetch; earlier runs processed {Processed}, skipped {Skipped}, failed {Failed}, committed {Items} items")]
    public static partial void Resumed(ILogger logger, string stateFile, long earlierRuns, long carried, long processed, long skipped, long failed, long items);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Output {OutputPath}: {Repair}")]
    public static partial void OutputOpened(ILogger logger, string outputPath, string repair);
}
