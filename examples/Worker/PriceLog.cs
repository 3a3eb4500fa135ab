using DeclarativeScrape.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Examples.Worker;

/// <summary>
/// The worker's item handler: resolved from the container (a scope per run, so it could take a DbContext), it gets
/// every book as the crawl emits it. This one logs it.
/// </summary>
internal sealed partial class PriceLog(ILogger<PriceLog> logger) : IScrapeItemHandler<Book>
{
    public ValueTask HandleAsync(Book item, CancellationToken cancellationToken)
    {
        LogBook(logger, item.Title, item.Price, item.Category ?? "-");
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Title}: {Price} ({Category})")]
    private static partial void LogBook(ILogger logger, string title, decimal price, string category);
}
