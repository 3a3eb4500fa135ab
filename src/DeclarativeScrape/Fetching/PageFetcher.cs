using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>
/// One run's fetching: one attempt of a URL through the run's client, with the headers and cookies of its
/// <see cref="RequestControl"/>, its timeouts and size caps, and redirects followed by hand (at most <see cref="LimitOptions.MaxRedirects"/>,
/// loops detected, http/https only, the allowed hosts re-checked on every hop).
/// </summary>
internal sealed class PageFetcher
{
    private readonly RequestControl _control;
    private readonly RunSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutcomeRecorder _recorder;
    private readonly BodyBudget _budget;
    private readonly DevelopmentHttpCache? _cache;

    public PageFetcher(RequestControl control, RunSettings settings, TimeProvider time, OutcomeRecorder recorder, BodyBudget budget, ILogger logger, DevelopmentHttpCache? cache = null)
    {
        _cache = cache;
        _recorder = recorder;
        _budget = budget;
        _control = control;
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    /// <summary>Fetches <paramref name="url"/> once (following redirects).</summary>
    /// <param name="url">The URL.</param>
    /// <param name="scope">The allowed hosts every redirect target must be in; <see langword="null"/> for none (robots.txt).</param>
    /// <param name="maxWireBytes">The wire cap.</param>
    /// <param name="requireHtml">Whether a non-HTML 2xx ends as <see cref="FetchStatus.NotHtml"/> before its body is read.</param>
    /// <param name="attempt">The attempt number, for the log.</param>
    /// <param name="stopToken">Cancelled when the run stops.</param>
    /// <param name="pageHeaders">The headers of the URL's page type (<see cref="PageType{TItem}.Headers"/>), if any.</param>
    public async ValueTask<FetchResult> FetchAsync(Uri url, HostScope? scope, long maxWireBytes, bool requireHtml, int attempt, CancellationToken stopToken, IReadOnlyList<KeyValuePair<string, string>>? pageHeaders = null)
    {
        using var timeouts = new AttemptTimeouts(_time, _settings.RequestTimeout, _settings.ReadIdleTimeout, stopToken);
        var current = url;
        HashSet<string>? chain = null;
        for (var hop = 0; ; hop++)
        {
            var host = current.Authority;
            var metrics = _recorder.Metrics;
            var requestTags = ScrapeTelemetry.ServerTags(current);
            requestTags.Add(ScrapeTelemetry.RequestMethod, "GET");
            metrics.Requests.Add(1, requestTags);
            _recorder.AddRequests(1);
            metrics.InFlight.Add(1, requestTags);

            // One client span per request sent (each attempt, each redirect hop), by the HTTP semantic conventions.
            using var activity = ScrapeTelemetry.StartClientSpan(current, attempt - 1);
            var sent = _time.GetTimestamp();
            var latency = TimeSpan.Zero;
            HttpResponseMessage? response = null;
            try
            {
                using (var request = CreateRequest(current, pageHeaders))
                {
                    // With the development HTTP cache, a kept response is replayed instead of asking the site.
                    response = _cache is null
                        ? await _control.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeouts.Token).ConfigureAwait(false)
                        : await _cache.SendAsync(_control.Client, request, timeouts.Token).ConfigureAwait(false);
                }

                timeouts.Progress();
                latency = _time.GetElapsedTime(sent);
                var status = (int)response.StatusCode;
                var responseTags = requestTags;
                responseTags.Add(ScrapeTelemetry.ResponseStatusCode, status);
                if (status >= 400)
                {
                    responseTags.Add(ScrapeTelemetry.ErrorType, ScrapeTelemetry.StatusCodeText(status));
                }

                metrics.Responses.Add(1, responseTags);
                ScrapeTelemetry.EndClientSpan(activity, status, status >= 400 ? ScrapeTelemetry.StatusCodeText(status) : null);
                metrics.RequestDuration.Record(latency.TotalSeconds, responseTags);
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    Log.Response(_logger, "GET", current, status, latency.TotalMilliseconds, attempt);
                }

                _control.Received(current, response);

                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (!Uri.TryCreate(current, location, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
                    {
                        return Failed(current, FailureReason.HttpStatus, $"redirect to '{location}', which is not an http(s) URL", status, latency);
                    }

                    if (hop >= _settings.MaxRedirects)
                    {
                        return Failed(current, FailureReason.TooManyRedirects, $"more than Limits.MaxRedirects ({_settings.MaxRedirects}) redirects; the last to {target.AbsoluteUri}", status, latency);
                    }

                    var key = UrlCanonicalizer.TryCanonicalize(target, out var canonicalTarget) ? canonicalTarget.AbsoluteUri : target.AbsoluteUri;
                    chain ??= [UrlCanonicalizer.TryCanonicalize(url, out var canonicalStart) ? canonicalStart.AbsoluteUri : url.AbsoluteUri];
                    if (!chain.Add(key))
                    {
                        return Failed(current, FailureReason.TooManyRedirects, $"redirect loop: {current.AbsoluteUri} leads back to {key}", status, latency);
                    }

                    if (scope is not null && !scope.Contains(target))
                    {
                        return new FetchResult
                        {
                            Status = FetchStatus.OutOfScope,
                            StatusCode = status,
                            FinalUrl = target,
                            Message = $"redirected to {target.AbsoluteUri}, outside the allowed hosts",
                            Latency = latency,
                        };
                    }

                    current = target;
                    continue;
                }

                if (status is < 200 or > 299)
                {
                    return new FetchResult
                    {
                        Status = FetchStatus.Failed,
                        Failure = FailureReason.HttpStatus,
                        StatusCode = status,
                        FinalUrl = current,
                        Message = $"HTTP {status} {response.ReasonPhrase}".TrimEnd(),
                        RetryAfter = RetryAfterOf(response),
                        Latency = latency,
                    };
                }

                var contentType = response.Content.Headers.ContentType;
                if (requireHtml && !IsHtml(contentType))
                {
                    return new FetchResult { Status = FetchStatus.NotHtml, StatusCode = status, FinalUrl = current, Message = $"Content-Type '{contentType?.MediaType}' is not HTML", Latency = latency };
                }

                if (ResponseBodyReader.RefuseEarly(response.Content, maxWireBytes, _settings.MaxDecompressedBytes) is { } refusal)
                {
                    return Failed(current, FailureReason.TooLarge, refusal, status, latency);
                }

                var body = await ResponseBodyReader.ReadAsync(response.Content, maxWireBytes, _settings.MaxDecompressedBytes, _budget, timeouts, host, _recorder, _time, timeouts.Token).ConfigureAwait(false);
                return new FetchResult
                {
                    Status = FetchStatus.Fetched,
                    StatusCode = status,
                    FinalUrl = current,
                    ContentType = ContentTypeOf(response),
                    Latency = latency,
                    Body = body,
                };
            }
            catch (Exception exception)
            {
                var failed = Classify(exception, timeouts, stopToken, current, (int?)response?.StatusCode, latency);
                if (response is null && failed.Failure != FailureReason.None)
                {
                    // No answer: the duration until the failure, with its kind (semantic conventions: error.type).
                    var errorTags = requestTags;
                    errorTags.Add(ScrapeTelemetry.ErrorType, failed.Failure.ToString());
                    metrics.RequestDuration.Record(_time.GetElapsedTime(sent).TotalSeconds, errorTags);
                }

                ScrapeTelemetry.EndClientSpan(activity, (int?)response?.StatusCode, failed.Failure == FailureReason.None ? null : failed.Failure.ToString());

                return failed;
            }
            finally
            {
                response?.Dispose();
                metrics.InFlight.Add(-1, requestTags);
            }
        }
    }

    private static FetchResult Classify(Exception exception, AttemptTimeouts timeouts, CancellationToken stopToken, Uri url, int? status, TimeSpan latency)
    {
        if (timeouts.Cause != FailureReason.None)
        {
            return Failed(url, timeouts.Cause, timeouts.Describe(), status, latency);
        }

        if (stopToken.IsCancellationRequested)
        {
            return new FetchResult { Status = FetchStatus.Cancelled, FinalUrl = url, StatusCode = status, Message = "the run was stopped during the request" };
        }

        return exception switch
        {
            BodyTooLargeException tooLarge => Failed(url, FailureReason.TooLarge, tooLarge.Message, status, latency),
            OutOfMemoryException or InsufficientMemoryException => Failed(url, FailureReason.TooLarge, "memory ran out while reading the response: " + exception.Message, status, latency),
            HttpRequestException { InnerException: ConnectTimeoutException connect } => Failed(url, FailureReason.Timeout, connect.Message, status, latency),
            InvalidDataException invalid => Failed(url, FailureReason.Network, "corrupt compressed body: " + invalid.Message, status, latency),
            _ => Failed(url, FailureReason.Network, Describe(exception), status, latency),
        };
    }

    private static string Describe(Exception exception)
    {
        var message = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message += " (" + inner.Message + ")";
            }
        }

        return message;
    }

    private static FetchResult Failed(Uri url, FailureReason reason, string message, int? status, TimeSpan latency) =>
        new() { Status = FetchStatus.Failed, Failure = reason, Message = message, StatusCode = status, FinalUrl = url, Latency = latency };

    /// <summary>The <c>Content-Type</c> header as the server sent it (also when .NET's parser rejects it), for the page decoder.</summary>
    private static string? ContentTypeOf(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;

    private static bool IsHtml(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is not { } media
        || media.Equals("text/html", StringComparison.OrdinalIgnoreCase)
        || media.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)
        || media.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
        || media.Equals("text/xml", StringComparison.OrdinalIgnoreCase);

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Retry-After", out var values)
        && RetryAfter.TryParse(values.FirstOrDefault(), _time.GetUtcNow(), out var delay)
            ? delay
            : null;

    private HttpRequestMessage CreateRequest(Uri url, IReadOnlyList<KeyValuePair<string, string>>? pageHeaders)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        _control.Prepare(request, pageHeaders);
        request.Options.Set(FetchClient.ConnectTimeoutKey, _settings.ConnectTimeout);
        return request;
    }

    /// <summary>The run's cookies for <paramref name="url"/> (for a browser rendering the page).</summary>
    public IReadOnlyList<Cookie> CookiesFor(Uri url) => _control.CookiesFor(url);
}
