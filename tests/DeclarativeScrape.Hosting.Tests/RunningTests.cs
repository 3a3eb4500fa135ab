using System.Text;

namespace DeclarativeScrape.Hosting.Tests;

public sealed class RunningTests
{
    [Fact]
    public void The_first_stop_request_is_graceful_and_a_second_signal_quits_at_once()
    {
        var graceful = new List<StopReason>();
        var immediate = new List<StopReason>();
        using var signals = new StopSignals(CancellationToken.None, registerSignals: false, graceful.Add, immediate.Add);

        signals.Request(StopReason.Terminated).ShouldBeTrue();
        signals.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        signals.Reason.ShouldBe(StopReason.Terminated);
        graceful.ShouldBe([StopReason.Terminated]);
        immediate.ShouldBeEmpty();

        signals.Request(StopReason.Interrupted).ShouldBeFalse();
        immediate.ShouldBe([StopReason.Interrupted]);
        signals.Reason.ShouldBe(StopReason.Terminated);
    }

    [Fact]
    public void The_callers_token_stops_gracefully_and_never_quits_at_once()
    {
        using var caller = new CancellationTokenSource();
        var immediate = new List<StopReason>();
        using var signals = new StopSignals(caller.Token, registerSignals: false, _ => { }, immediate.Add);

        caller.Cancel();

        signals.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        signals.Reason.ShouldBe(StopReason.Cancelled);
        signals.Request(StopReason.Cancelled).ShouldBeFalse();
        immediate.ShouldBeEmpty();
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
