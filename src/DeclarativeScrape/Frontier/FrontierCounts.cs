namespace DeclarativeScrape;

/// <summary>A frontier store's counts.</summary>
/// <param name="Admitted">URLs ever queued (unique canonical URLs, start URLs included); <see cref="LimitOptions.MaxPages"/> bounds it.</param>
/// <param name="Queued">URLs waiting now.</param>
/// <param name="Leased">URLs taken and not yet completed.</param>
/// <param name="Completed">URLs completed.</param>
internal readonly record struct FrontierCounts(long Admitted, long Queued, long Leased, long Completed);
