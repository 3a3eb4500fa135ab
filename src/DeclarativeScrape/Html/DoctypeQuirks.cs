namespace DeclarativeScrape;

/// <summary>The quirks mode a DOCTYPE gives a document, or <see cref="Unknown"/> where the parser does not classify it.</summary>
internal enum DoctypeQuirks
{
    Off,
    Limited,
    On,
    Unknown,
}
