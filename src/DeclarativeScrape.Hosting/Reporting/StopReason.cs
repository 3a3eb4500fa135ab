namespace DeclarativeScrape.Hosting;

/// <summary>Why a run stopped before running out of work, if it did.</summary>
internal enum StopReason
{
    /// <summary>Not stopped: the run ran out of work (or has not stopped yet).</summary>
    None,

    /// <summary>Ctrl+C (SIGINT).</summary>
    Interrupted,

    /// <summary>SIGTERM.</summary>
    Terminated,

    /// <summary>The caller's cancellation token.</summary>
    Cancelled,
}
