using System.Text;

namespace DeclarativeScrape.Hosting.Tests;

public sealed class RunningTests
{
    [Fact]
    public void The_first_stop_request_is_graceful_a_second_signal_cancels_the_requests_in_flight_and_a_third_quits_at_once()
    {
        var graceful = new List<StopReason>();
        var cancelRequests = new List<StopReason>();
        var immediate = new List<StopReason>();
        using var signals = new StopSignals(CancellationToken.None, registerSignals: false, graceful.Add, cancelRequests.Add, immediate.Add);

        signals.Request(StopReason.Terminated).ShouldBeTrue();
        signals.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        signals.Reason.ShouldBe(StopReason.Terminated);
        graceful.ShouldBe([StopReason.Terminated]);
        cancelRequests.ShouldBeEmpty();
        immediate.ShouldBeEmpty();

        signals.Request(StopReason.Interrupted).ShouldBeFalse();
        cancelRequests.ShouldBe([StopReason.Interrupted]);
        immediate.ShouldBeEmpty();

        signals.Request(StopReason.Interrupted).ShouldBeFalse();
        immediate.ShouldBe([StopReason.Interrupted]);
        signals.Reason.ShouldBe(StopReason.Terminated);
    }

    [Fact]
    public void The_callers_token_stops_gracefully_and_never_cancels_requests_or_quits()
    {
        using var caller = new CancellationTokenSource();
        var later = new List<StopReason>();
        using var signals = new StopSignals(caller.Token, registerSignals: false, _ => { }, later.Add, later.Add);

        caller.Cancel();

        signals.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        signals.Reason.ShouldBe(StopReason.Cancelled);
        signals.Request(StopReason.Cancelled).ShouldBeFalse();
        later.ShouldBeEmpty();
    }

    [Fact]
    public void The_stop_message_says_the_bound()
    {
        StopMessages.Graceful(StopReason.Interrupted, TimeSpan.FromSeconds(10)).ShouldBe(
            "Ctrl+C: stopping. No new requests; the requests in flight may finish for up to 10 s (--drain-timeout), then they are cancelled. Press Ctrl+C again to cancel them now.");
        StopMessages.Graceful(StopReason.Terminated, TimeSpan.FromSeconds(2.5)).ShouldBe(
            "SIGTERM: stopping. No new requests; the requests in flight may finish for up to 2.5 s (--drain-timeout), then they are cancelled. Press Ctrl+C again to cancel them now.");
        StopMessages.Graceful(StopReason.Interrupted, TimeSpan.Zero).ShouldBe(
            "Ctrl+C: stopping. No new requests; the requests in flight are cancelled (--drain-timeout 0).");
    }

    [Fact]
    public void Items_for_standard_output_are_json_lines()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamItemWriter<TestItem>(TestPlans.Plan().Format, stream))
        {
            writer.TryWrite(new TestItem("Zoë's \"Café\""), out _).ShouldBeTrue();
            writer.TryWrite(new TestItem("Two"), out _).ShouldBeTrue();
        }

        Encoding.UTF8.GetString(stream.ToArray()).ShouldBe("{\"title\":\"Zoë's \\\"Café\\\"\"}\n{\"title\":\"Two\"}\n");
    }

    [Fact]
    public void Log_messages_go_to_standard_error_from_the_chosen_level()
    {
        var console = new TestConsole();
        using var factory = new HostLoggerFactory(console.Console, Microsoft.Extensions.Logging.LogLevel.Warning);
        var logger = factory.CreateLogger("DeclarativeScrape.Engine.Frontier");

        Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "hidden");
        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "robots.txt of {Host} timed out", "example.com");

        console.Error.ToString().ShouldBe("warn: Frontier: robots.txt of example.com timed out" + Environment.NewLine);
    }

    [Fact]
    public void The_runtimes_warning_per_failed_url_is_left_to_the_summary()
    {
        var console = new TestConsole();
        using var factory = new HostLoggerFactory(console.Console, Microsoft.Extensions.Logging.LogLevel.Information);
        var logger = factory.CreateLogger("DeclarativeScrape");

        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, new Microsoft.Extensions.Logging.EventId(4, HostLoggerFactory.UrlFailedEvent), "Failed {Url}", "http://a.test/x");
        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, new Microsoft.Extensions.Logging.EventId(6, "RobotsUnavailable"), "robots.txt of {Origin} could not be fetched", "http://a.test");

        console.Error.ToString().ShouldBe("warn: DeclarativeScrape: robots.txt of http://a.test could not be fetched" + Environment.NewLine);
    }
}
