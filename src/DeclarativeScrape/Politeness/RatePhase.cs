namespace DeclarativeScrape;

/// <summary>Where a host's rate discovery is (<see cref="RateController"/>).</summary>
internal enum RatePhase
{
    /// <summary>No rate known or configured: requests in flight grow by one per accepted answer.</summary>
    Startup,

    /// <summary>No rate learned: the host runs at its configured rate, or unbounded.</summary>
    Open,

    /// <summary>A rate measured at a cut is held before the next probe.</summary>
    Hold,

    /// <summary>After a refusal that could not be measured yet: the rate is not raised until a whole window passes without refusals (then <see cref="Probe"/>) or measures it (a measured cut, then <see cref="Hold"/>).</summary>
    Settle,

    /// <summary>The rate grows a step per probe interval until the host refuses.</summary>
    Probe,
}
