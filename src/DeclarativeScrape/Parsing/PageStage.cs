namespace DeclarativeScrape;

/// <summary>
/// The stages a fetched page goes through on a parse worker. An exception in any of them fails that page (with
/// <see cref="FailureReason.Extraction"/> and a message naming the stage), never the run. Output encoding, the last
/// stage, is the store's (an item that cannot be encoded fails its page there).
/// </summary>
internal enum PageStage
{
    /// <summary>Bytes to text (<see cref="PageDecoder"/>).</summary>
    Decode,

    /// <summary>Text to document (AngleSharp), and the document's base URL.</summary>
    Parse,

    /// <summary>The page type's extractor, the user's converters included.</summary>
    Extract,

    /// <summary>The extracted links checked against the plan and the frontier's policy (scope, depth).</summary>
    ResolveLinks,
}
