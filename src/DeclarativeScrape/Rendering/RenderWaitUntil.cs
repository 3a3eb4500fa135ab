namespace DeclarativeScrape;

/// <summary>
/// The page event a render waits for (then <see cref="RenderAttribute.WaitForSelector"/>,
/// <see cref="RenderAttribute.WaitForScript"/>, <see cref="RenderAttribute.WaitSeconds"/> and clicks, if any).
/// </summary>
public enum RenderWaitUntil
{
    /// <summary>The <c>load</c> event: the document and its (unblocked) subresources have loaded.</summary>
    Load,

    /// <summary>The <c>DOMContentLoaded</c> event: the document is parsed and its synchronous scripts ran.</summary>
    DomContentLoaded,

    /// <summary>No network request for 500 ms after <c>load</c>: content fetched by script has arrived.</summary>
    NetworkIdle,
}
