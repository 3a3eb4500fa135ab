using System.Collections.Concurrent;
using Polly;
using Polly.Retry;

namespace DeclarativeScrape;

/// <summary>
/// The engine's Polly retry pipelines, built once per distinct backoff settings and reused by every run that has
/// them. The pipeline owns the backoff (exponential, with jitter, capped at <see cref="RetryOptions.MaxDelay"/>) and
/// waits it out on the engine's <see cref="TimeProvider"/>; whether to retry, and any <c>Retry-After</c> delay
/// (clamped by <see cref="RetryPolicy"/>, since Polly does not cap a generated delay), come with each result.
/// </summary>
internal sealed class RetryPipelines(TimeProvider time)
{
    private readonly ConcurrentDictionary<(TimeSpan BaseDelay, TimeSpan MaxDelay), ResiliencePipeline<FetchResult>> _pipelines = new();

    public ResiliencePipeline<FetchResult> For(TimeSpan baseDelay, TimeSpan maxDelay) =>
        _pipelines.GetOrAdd((baseDelay, maxDelay), static (key, time) => Build(key.BaseDelay, key.MaxDelay, time), time);

    private static ResiliencePipeline<FetchResult> Build(TimeSpan baseDelay, TimeSpan maxDelay, TimeProvider time) =>
        new ResiliencePipelineBuilder<FetchResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<FetchResult>
            {
                // The attempt itself decides (its budget of attempts and of 429 answers): Polly's count is no bound.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { Retry: true }),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = maxDelay,
                DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Result?.RetryDelay),
            })
            .Build();
}
