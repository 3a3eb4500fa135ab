namespace DeclarativeScrape.PostgreSql;

/// <summary>The shared crawl's database cannot be used any more by this worker (it stayed away, or declared this worker lost): the run stops.</summary>
internal sealed class StateUnavailableException(string message, Exception? inner = null) : IOException(message, inner);
