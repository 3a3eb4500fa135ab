using System.Net;
using System.Net.Sockets;

namespace DeclarativeScrape.Tests;

public sealed class ConnectTimeoutTests
{
    [Fact]
    public async Task A_connection_that_is_never_accepted_fails_with_the_connect_timeout()
    {
        // A listener that never accepts, its backlog filled: the kernel drops further SYNs, so connecting hangs.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var endPoint = (IPEndPoint)listener.LocalEndPoint!;
        var fillers = new List<Socket>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
                try
                {
                    await filler.ConnectAsync(endPoint, quick.Token);
                }
                catch (OperationCanceledException)
                {
                    break;   // the backlog is full
                }
            }

            var options = ShopPlan.Options(new Uri($"http://127.0.0.1:{endPoint.Port}/"));
            options.Retry.MaxAttempts = 1;
            options.Timeouts.Connect = TimeSpan.FromMilliseconds(300);
            options.Timeouts.Request = TimeSpan.FromSeconds(20);
            options.Timeouts.ReadIdle = TimeSpan.FromSeconds(20);
            await using var engine = Crawls.Engine();

            var result = await Crawls.RunAsync(engine, options);

            var outcome = result.Outcomes.ShouldHaveSingleItem();
            outcome.FailureReason.ShouldBe(FailureReason.Timeout);
            outcome.Message!.ShouldContain("Timeouts.Connect");
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }
}
