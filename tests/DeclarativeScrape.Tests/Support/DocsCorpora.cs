namespace DeclarativeScrape.Tests.Support;

/// <summary>
/// The two documentation corpora of the shared benchmark's docs scenario (Debian's <c>postgresql-doc-15</c> and
/// <c>python-django-doc</c>): real HTML for differential tests. CI installs both (<c>.ci/run</c>); on a machine without
/// them a test that needs them fails under CI (<c>CI</c> set) and has nothing to check otherwise.
/// </summary>
internal static class DocsCorpora
{
    /// <summary>The corpora's folders.</summary>
    public static readonly string[] Folders = ["/usr/share/doc/postgresql-doc-15/html", "/usr/share/doc/python-django-doc/html"];

    /// <summary>Every HTML file of the corpora that are installed, as (path relative to its corpus, full path), in ordinal order.</summary>
    /// <exception cref="InvalidOperationException">A corpus is missing under CI.</exception>
    public static IReadOnlyList<(string Relative, string Path)> Pages()
    {
        var pages = new List<(string, string)>();
        foreach (var folder in Folders)
        {
            if (!Directory.Exists(folder))
            {
                if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
                {
                    throw new InvalidOperationException($"The docs corpus {folder} is missing: .ci/run installs it.");
                }

                continue;
            }

            pages.AddRange(Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(path => (Path.GetRelativePath(folder, path).Replace('\\', '/'), path)));
        }

        return pages;
    }
}
