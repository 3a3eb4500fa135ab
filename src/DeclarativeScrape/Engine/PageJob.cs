namespace DeclarativeScrape;

/// <summary>One URL's trip through the pipeline: its lease, its attempts and the body that goes to a parse worker.</summary>
internal sealed class PageJob(RunHost host, FrontierLease lease, long sequence, long started)
{
    public RunHost Host { get; } = host;

    public FrontierLease Lease { get; } = lease;

    /// <summary>When the first attempt started (a timestamp of the run's clock).</summary>
    public long Started { get; } = started;

    /// <summary>The host gate's number of the attempt holding a slot.</summary>
    public long Sequence = sequence;

    /// <summary>Whether the job holds a host slot now.</summary>
    public bool HoldsHostSlot = true;

    /// <summary>Whether the job holds one of the run's slots now (from admission until its page is handed to a parse worker).</summary>
    public bool HoldsRunSlot;

    /// <summary>Requests made for the URL, 429 answers included.</summary>
    public int Attempts;

    /// <summary>429 answers received.</summary>
    public int RateLimited;

    /// <summary>Whether the page was rendered in a browser, and why (<see cref="RenderAttribute"/>).</summary>
    public RenderDecision Render;

    /// <summary>Set by a parse worker when the mixed mode sends the page to the browser after its static extraction.</summary>
    public bool RenderNext;

    /// <summary>The final result, with the body for the parse worker.</summary>
    public FetchResult? Result;
}
