namespace DeclarativeScrape.Tests;

/// <summary>How a simulated server limits its rate.</summary>
public enum LimitMode
{
    /// <summary>A token bucket: <c>Rate</c> tokens a second, <c>Burst</c> deep.</summary>
    Bucket,

    /// <summary>At most floor(<c>Rate</c>) requests in each 1-second window, the first opening at the first request.</summary>
    Window,
}

/// <summary>A simulated server's limiter: what the bench site's ratelimit scenario does, on the test's clock.</summary>
public sealed record SimulatedLimit(double Rate, int Burst = 20, LimitMode Mode = LimitMode.Bucket, int Status = 429, TimeSpan? RetryAfter = null)
{
    /// <summary>Changes the rate at a moment of the crawl (a limit that rises or drops mid-crawl).</summary>
    public (TimeSpan At, double Rate)? Change { get; init; }

    /// <summary>The most each request is delayed on its way to the limiter (uniform, in whole milliseconds, seeded): scheduling jitter, which bunches arrivals paced evenly.</summary>
    public TimeSpan Jitter { get; init; }
}

/// <summary>What a simulated crawl measured.</summary>
public sealed record SimulationResult(long Requests, long Limited, long Signals, double AcceptedPerSecondAfterWarmUp, IReadOnlyList<int> AcceptedBySecond, IReadOnlyList<int> SentBySecond, double? LearnedRate, IReadOnlyList<double> RateBySecond)
{
    public double LimitedShare => Requests == 0 ? 0 : Limited / (double)Requests;

    public override string ToString() =>
        $"requests {Requests}, limited {Limited} ({LimitedShare:P2}, {Signals} read as rate signals), accepted {AcceptedPerSecondAfterWarmUp:0.0}/s after warm-up, learned {LearnedRate:0.0}; accepted per second: {string.Join(' ', AcceptedBySecond.Take(40))}; sent: {string.Join(' ', SentBySecond.Take(40))}; rate: {string.Join(' ', RateBySecond.Take(40).Select(r => r.ToString("0.#")))}";
}

/// <summary>
/// A crawl of a rate-limited server, simulated on a manual clock through the real <see cref="HostGate"/> (its rate
/// controller, adaptive limit and token bucket), millisecond by millisecond: a dispatcher that sends whenever the gate
/// lets it, a server that refuses what its limiter refuses (at once) and answers the rest after a latency, and refused
/// URLs retried after their <c>Retry-After</c>. Deterministic: no thread, no socket, no wall clock.
/// </summary>
public static class RateSimulation
{
    public static SimulationResult Run(SimulatedLimit limit, TimeSpan duration, int concurrency = 64, TimeSpan? latency = null, double? configuredRate = null, int configuredBurst = 1, TimeSpan? warmUp = null, Action<string>? trace = null)
    {
        var step = TimeSpan.FromMilliseconds(1);
        var time = new ManualTimeProvider();
        var gate = new HostRegistry(1024, time).Get("simulated.example");
        gate.Attach(new HostUser(new NoWake(), concurrency, adaptive: true, configuredRate, configuredBurst));
        gate.RateTrace = trace;
        var serverLatency = latency ?? TimeSpan.FromMilliseconds(50);
        var answers = new PriorityQueue<(long Sequence, int Url, bool Accepted), long>();
        var retries = new PriorityQueue<int, long>();
        var seconds = (int)Math.Ceiling(duration.TotalSeconds);
        var accepted = new int[seconds + 1];
        var sent = new int[seconds + 1];
        var rates = new double[seconds + 1];
        var server = new Limiter(limit);
        var arrivals = new PriorityQueue<(long Sequence, int Url), long>();
        var jitter = new Random(9);
        var jitterMs = (int)limit.Jitter.TotalMilliseconds;
        long requests = 0, limited = 0;
        var nextUrl = 0;
        var steps = (long)(duration / step);
        var most = (long)(limit.Rate * duration.TotalSeconds * 20) + 10_000;   // a runaway crawl stops the simulation early
        for (long t = 0; t < steps && requests < most; t++)
        {
            var now = t;   // milliseconds
            if (now % 1000 == 999)
            {
                rates[now / 1000] = gate.Rate ?? -1;
            }

            if (limit.Change is { } change && now == (long)change.At.TotalMilliseconds)
            {
                server.SetRate(change.Rate);
            }

            while (answers.TryPeek(out var answer, out var due) && due <= now)
            {
                answers.Dequeue();
                var kind = answer.Accepted ? AnswerKind.Answered : limit.Status == 429 ? AnswerKind.TooManyRequests : AnswerKind.Unavailable;
                var retryAfter = limit.RetryAfter ?? TimeSpan.FromSeconds(1);
                var verdict = gate.Exit(answer.Sequence, kind, answer.Accepted ? 200 : limit.Status, answer.Accepted ? serverLatency : step, answer.Url, retryAfter);
                if (!answer.Accepted)
                {
                    retries.Enqueue(answer.Url, now + (long)retryAfter.TotalMilliseconds);
                }
            }

            while (true)
            {
                if (gate.TryEnter(out var sequence, out _) != GateDecision.Entered)
                {
                    break;
                }

                var url = retries.TryPeek(out var retry, out var at) && at <= now ? retries.Dequeue() : nextUrl++;
                requests++;
                sent[now / 1000]++;
                arrivals.Enqueue((sequence, url), now + (jitterMs == 0 ? 0 : jitter.Next(jitterMs + 1)));
            }

            while (arrivals.TryPeek(out var arrival, out var arrivesAt) && arrivesAt <= now)
            {
                arrivals.Dequeue();
                var ok = server.TryTake(arrivesAt);
                if (ok)
                {
                    accepted[arrivesAt / 1000]++;
                }
                else
                {
                    limited++;
                }

                answers.Enqueue((arrival.Sequence, arrival.Url, ok), arrivesAt + (ok ? (long)serverLatency.TotalMilliseconds : 1));
            }

            time.Advance(step);
        }

        var skip = (int)(warmUp ?? TimeSpan.FromSeconds(10)).TotalSeconds;
        var measured = accepted.Skip(skip).Take(seconds - skip).ToArray();
        return new SimulationResult(requests, limited, gate.RateLimitedAnswers, measured.Length == 0 ? 0 : measured.Average(), accepted[..seconds], sent[..seconds], gate.Learned?.RequestsPerSecond, rates[..seconds]);
    }

    private sealed class NoWake : IWakeable
    {
        public void Wake()
        {
        }
    }

    /// <summary>The bench site's limiters, on milliseconds.</summary>
    private sealed class Limiter(SimulatedLimit limit)
    {
        private double _rate = limit.Rate;
        private double _tokens = limit.Burst;
        private long _last;
        private long _windowStart = -1;
        private long _window = -1;
        private long _count;

        public void SetRate(double rate) => _rate = rate;

        public bool TryTake(long now)
        {
            if (limit.Mode == LimitMode.Window)
            {
                if (_windowStart < 0)
                {
                    _windowStart = now;
                }

                var window = (now - _windowStart) / 1000;
                if (window != _window)
                {
                    _window = window;
                    _count = 0;
                }

                if (_count >= (long)Math.Floor(_rate))
                {
                    return false;
                }

                _count++;
                return true;
            }

            _tokens = Math.Min(limit.Burst, _tokens + ((now - _last) * _rate / 1000));
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return true;
            }

            return false;
        }
    }
}
