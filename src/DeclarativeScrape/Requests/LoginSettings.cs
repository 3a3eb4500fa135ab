namespace DeclarativeScrape;

/// <summary>A run's login step, copied from <see cref="LoginOptions"/> when the run starts.</summary>
internal sealed record LoginSettings(Uri Url, string FormSelector, KeyValuePair<string, string>[] Fields, string? FailureSelector);
