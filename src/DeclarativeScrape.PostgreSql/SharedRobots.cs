using System.Text;

namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// robots.txt once per shared crawl (table <c>robots</c>): the first worker that needs an origin's file claims it and
/// fetches it, then stores the text (or why it could not be fetched); the others wait for it, looking every
/// <see cref="Poll"/>. A claim whose worker left or was declared lost before storing is taken over. A file that stayed
/// unreachable is the verdict of the workers running when it was stored (their URLs of the host fail with its reason, as
/// in one process); a worker that starts later claims it again, as a later run of one process fetches it again.
/// </summary>
/// <param name="time">The worker's clock.</param>
/// <param name="submit">Queues work for the store's thread.</param>
internal sealed class SharedRobots(TimeProvider time, Action<StoreWork> submit) : ISharedRobots
{
    /// <summary>How often a worker waiting for another worker's fetch looks again.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public async Task<FetchedRobots> GetAsync(Uri robotsUrl, Func<Task<FetchedRobots>> fetch, CancellationToken cancellationToken)
    {
        var origin = robotsUrl.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            var claim = new RobotsWork(origin, null);
            submit(claim);
            var (claimed, stored) = await claim.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                return stored;
            }

            if (claimed)
            {
                var fetched = await fetch().ConfigureAwait(false);
                var store = new RobotsWork(origin, fetched);
                submit(store);
                await store.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                return fetched;
            }

            await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The columns a fetched file is stored as: its text as UTF-8 (when it was fetched and parsed), the problem, and when it
    /// stayed unreachable the failure reason and the last status code.
    /// </summary>
    public static (byte[]? Body, string? Problem, short? Unreachable, int? StatusCode) Columns(FetchedRobots robots) =>
        (robots.Text is { } text ? Encoding.UTF8.GetBytes(text) : null, robots.Problem, robots.Unreachable is { } reason ? (short)reason : null, robots.StatusCode);

    /// <summary>
    /// The rules again from their columns: parsed text; no text and no problem, allow all (a 4xx); a problem without text,
    /// disallow all, and with an unreachable reason the host's URLs fail with it (as in the worker that fetched it).
    /// </summary>
    public static FetchedRobots Restore(byte[]? body, string? problem, short? unreachable, int? statusCode)
    {
        if (body is not null)
        {
            var text = Encoding.UTF8.GetString(body);
            return new FetchedRobots(RobotsTxt.Parse(text), problem, Text: text);
        }

        return new FetchedRobots(problem is null ? RobotsTxt.AllowAll : RobotsTxt.DisallowAll, problem, (FailureReason?)unreachable, statusCode);
    }
}
