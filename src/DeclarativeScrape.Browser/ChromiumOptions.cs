using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Browser;

/// <summary>
/// Options of a <see cref="ChromiumRenderer"/>: which Chromium, how many pages render at once, how often browser
/// contexts are replaced, how a crash is retried. Checked by <see cref="Validate"/> when a run that needs the renderer
/// starts, with the option's name in the message.
/// </summary>
public sealed class ChromiumOptions
{
    /// <summary>The default of <see cref="MaxConcurrency"/>.</summary>
    public const int DefaultMaxConcurrency = 4;

    /// <summary>The default of <see cref="PagesPerContext"/>.</summary>
    public const int DefaultPagesPerContext = 50;

    /// <summary>The default of <see cref="RenderAttempts"/>.</summary>
    public const int DefaultRenderAttempts = 2;

    /// <summary>The default of <see cref="ScriptHeapMegabytes"/>.</summary>
    public const int DefaultScriptHeapMegabytes = 512;

    /// <summary>Where Chromium is looked for when <see cref="ExecutablePath"/> is not set, in this order (then the <c>PATH</c>).</summary>
    public static IReadOnlyList<string> KnownPaths { get; } =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>
    /// The Chromium (or Chrome) executable; <see langword="null"/> to use the first of <see cref="KnownPaths"/> that
    /// exists, then <c>chromium</c>, <c>chromium-browser</c> or <c>google-chrome</c> on the <c>PATH</c>. Never downloaded:
    /// install it with the system's package manager (Debian, Ubuntu: <c>apt-get install chromium</c>).
    /// </summary>
    public string? ExecutablePath { get; set; }

    /// <summary>Pages rendering at once, each in its own browser context (the pool's size). Must be positive.</summary>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>Pages a browser context renders before it is closed and replaced (its memory with it). Must be positive.</summary>
    public int PagesPerContext { get; set; } = DefaultPagesPerContext;

    /// <summary>
    /// Pages the browser renders before it is restarted (when idle of renders in progress, it is replaced for the next
    /// ones); 0 never restarts it except after a crash.
    /// </summary>
    public int PagesPerBrowser { get; set; }

    /// <summary>
    /// Attempts per page when the page crashes its renderer or the browser dies (the browser is restarted when needed);
    /// at least 1. A page that does not settle in time is not retried.
    /// </summary>
    public int RenderAttempts { get; set; } = DefaultRenderAttempts;

    /// <summary>
    /// The script heap of each page's renderer, in MiB (V8's <c>--max-old-space-size</c>): a page whose scripts exhaust it
    /// crashes its renderer (a recorded failure) instead of growing without bound; 0 for Chromium's own limit.
    /// </summary>
    public int ScriptHeapMegabytes { get; set; } = DefaultScriptHeapMegabytes;

    /// <summary>Extra command-line arguments for Chromium.</summary>
    public IList<string> Arguments { get; set; } = new List<string>();

    /// <summary>The longest the browser may take to start.</summary>
    public TimeSpan LaunchTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Where the renderer logs (launches, crashes, restarts); <see langword="null"/> for nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Checks every option and finds Chromium; throws <see cref="ScrapeOptionsException"/> naming the first problem.</summary>
    /// <returns>The Chromium executable to run.</returns>
    /// <exception cref="ScrapeOptionsException">An option cannot work, or Chromium is not installed.</exception>
    public string Validate()
    {
        const string prefix = "Renderer.";
        if (MaxConcurrency < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxConcurrency), $"must be at least 1, was {MaxConcurrency}.");
        }

        if (PagesPerContext < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(PagesPerContext), $"must be at least 1, was {PagesPerContext}.");
        }

        if (PagesPerBrowser < 0)
        {
            throw new ScrapeOptionsException(prefix + nameof(PagesPerBrowser), $"must be 0 (only after a crash) or more, was {PagesPerBrowser}.");
        }

        if (RenderAttempts < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(RenderAttempts), $"must be at least 1, was {RenderAttempts}.");
        }

        if (ScriptHeapMegabytes < 0)
        {
            throw new ScrapeOptionsException(prefix + nameof(ScriptHeapMegabytes), $"must be 0 (Chromium's limit) or more, was {ScriptHeapMegabytes}.");
        }

        if (LaunchTimeout <= TimeSpan.Zero)
        {
            throw new ScrapeOptionsException(prefix + nameof(LaunchTimeout), $"must be positive, was {LaunchTimeout}.");
        }

        if (Arguments is null)
        {
            throw new ScrapeOptionsException(prefix + nameof(Arguments), "must not be null; leave it empty for none.");
        }

        return FindChromium(prefix + nameof(ExecutablePath));
    }

    private string FindChromium(string option)
    {
        const string install = "Install Chromium with the system's package manager (Debian, Ubuntu: apt-get install chromium; Fedora: dnf install chromium) or set ChromiumOptions.ExecutablePath; DeclarativeScrape never downloads a browser.";
        if (ExecutablePath is { } path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ScrapeOptionsException(option, "must be a path or null (to look for Chromium).");
            }

            if (Directory.Exists(path))
            {
                throw new ScrapeOptionsException(option, $"'{path}' is a directory, not the Chromium executable. {install}");
            }

            if (!File.Exists(path))
            {
                throw new ScrapeOptionsException(option, $"Chromium is not at '{path}'. {install}");
            }

            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
            {
                throw new ScrapeOptionsException(option, $"'{path}' is not executable. {install}");
            }

            return path;
        }

        foreach (var known in KnownPaths)
        {
            if (File.Exists(known))
            {
                return known;
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in (string[])["chromium", "chromium-browser", "google-chrome"])
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ScrapeOptionsException(option, $"no Chromium found (looked at {string.Join(", ", KnownPaths)} and on the PATH). {install}");
    }
}
