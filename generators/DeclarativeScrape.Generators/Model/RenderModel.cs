namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A page type's <c>[Render]</c>, as the crawl plan needs it (enums as their numbers, defaults filled in).</summary>
    /// <param name="Mode">The <c>RenderMode</c> member's name.</param>
    /// <param name="WaitUntil">The <c>RenderWaitUntil</c> member's name.</param>
    /// <param name="WaitForSelector">The selector to wait for, or <see langword="null"/>.</param>
    /// <param name="WaitForScript">The JavaScript condition to wait for, or <see langword="null"/>.</param>
    /// <param name="WaitSeconds">The fixed wait after the other conditions (0 for none).</param>
    /// <param name="ClickSelector">The "load more" selector, or <see langword="null"/>.</param>
    /// <param name="MaxClicks">The most clicks.</param>
    /// <param name="TimeoutSeconds">The render's time limit.</param>
    /// <param name="Block">The blocked <c>RenderResources</c> flags, as a number.</param>
    /// <param name="RequiredProperties">The type's required properties (a failure of one sends a mixed-mode page to the browser), in declaration order.</param>
    internal sealed record RenderModel(
        string Mode,
        string WaitUntil,
        string? WaitForSelector,
        string? WaitForScript,
        double WaitSeconds,
        string? ClickSelector,
        int MaxClicks,
        double TimeoutSeconds,
        int Block,
        EquatableArray<string> RequiredProperties);
}
