namespace DeclarativeScrape.Hosting;

/// <summary>Chooses the <see cref="ReportMode"/>.</summary>
internal static class ReportModes
{
    /// <summary>
    /// <see cref="ReportMode.Quiet"/> for <c>--quiet</c>; <see cref="ReportMode.Live"/> when standard error is an
    /// interactive terminal that understands ANSI and items are not being printed to that same terminal;
    /// <see cref="ReportMode.Lines"/> otherwise (redirected output, CI logs, dumb terminals).
    /// </summary>
    public static ReportMode Choose(bool quiet, bool errorIsInteractiveAnsiTerminal, bool itemsToTerminal) =>
        quiet ? ReportMode.Quiet
        : errorIsInteractiveAnsiTerminal && !itemsToTerminal ? ReportMode.Live
        : ReportMode.Lines;
}
