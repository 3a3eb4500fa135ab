namespace DeclarativeScrape;

/// <summary>An attribute in a <see cref="PageTree"/>: its name id and where its value is in the tree's characters.</summary>
internal readonly record struct TreeAttribute(int Name, int Start, int Length);
