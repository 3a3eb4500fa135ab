namespace DeclarativeScrape;

/// <summary>The output's tick (once a second): the committed records reach the file, which is synced, and its mark is recorded.</summary>
internal sealed class FlushWork : StoreWork
{
    public static readonly FlushWork Instance = new();

    private FlushWork()
    {
    }
}
