namespace DeclarativeScrape;

/// <summary>Something that sleeps until there may be work: a run's dispatcher.</summary>
internal interface IWakeable
{
    /// <summary>Asks it to look again (a slot was released, a pause ended, URLs arrived). Cheap and never blocks.</summary>
    void Wake();
}
