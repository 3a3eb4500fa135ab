namespace DeclarativeScrape;

/// <summary>The answer of <see cref="HostGate.TryEnter"/>.</summary>
internal enum GateDecision
{
    /// <summary>A slot and a token were taken: send the request.</summary>
    Entered,

    /// <summary>The host's limit is reached: wait for a release.</summary>
    Full,

    /// <summary>The host is paused (a 429): wait until the pause ends.</summary>
    Paused,

    /// <summary>No token in the bucket: wait until the next one is due.</summary>
    NoToken,

    /// <summary>The engine-wide cap is reached: wait for a release anywhere.</summary>
    EngineFull,
}
