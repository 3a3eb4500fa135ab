namespace DeclarativeScrape;

/// <summary>A store's seen set and queues, as <see cref="AdmissionPolicy"/> uses them.</summary>
internal interface IFrontierSet
{
    /// <summary>Whether the candidate's canonical URL was admitted before (earlier in the same batch included).</summary>
    bool Contains(in FrontierCandidate candidate);

    /// <summary>Remembers the candidate's URL as seen and queues it in its host's queue, by its rank.</summary>
    void Add(in FrontierCandidate candidate);
}
