namespace DeclarativeScrape;

/// <summary>What the host gate read from one answer.</summary>
/// <param name="RateLimited">The answer was a rate signal (a 429, or a 503 that reads as a rate limit): the URL is retried after its delay without using one of its attempts.</param>
/// <param name="RateChanged">The host's rate changed.</param>
/// <param name="Closed">The host accepted nothing for a whole window: it is paused for the URL's delay.</param>
internal readonly record struct RateVerdict(bool RateLimited, bool RateChanged, bool Closed);
