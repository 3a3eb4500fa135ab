namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A <c>[Replace]</c>.</summary>
    /// <param name="OldValue">The text replaced.</param>
    /// <param name="NewValue">Its replacement.</param>
    internal sealed record ReplacementModel(string OldValue, string NewValue);
}
