using DeclarativeScrape.Benchmarks.Extraction;

namespace DeclarativeScrape.Benchmarks.Parsing;

/// <summary>The pages of the parser benchmarks: a page of a docs corpus (Debian's packages) or the demo bookstore's book page.</summary>
public static class BenchmarkPages
{
    private static readonly Dictionary<string, string> Corpora = new(StringComparer.Ordinal)
    {
        ["postgresql"] = "/usr/share/doc/postgresql-doc-15/html",
        ["django"] = "/usr/share/doc/python-django-doc/html",
    };

    /// <summary>The HTML of <paramref name="page"/>: <c>corpus/relative path</c>, <c>bookstore/demo</c>, <c>bookstore/large</c> or <c>shop/product</c> (the file <c>DS_SHOP_PAGE</c> names).</summary>
    /// <exception cref="FileNotFoundException">The corpus is not installed (<c>apt-get install postgresql-doc-15 python-django-doc</c>).</exception>
    public static string Load(string page)
    {
        var slash = page.IndexOf('/', StringComparison.Ordinal);
        var (corpus, relative) = (page[..slash], page[(slash + 1)..]);
        if (corpus == "bookstore")
        {
            return SavedBookPages.Load(1, relative == "large" ? PageSize.Large : PageSize.Demo)[0].Html;
        }

        if (corpus == "shop")
        {
            // A product page of the benchmark shop (/work/shared/bench), saved by bench/parsing/run.sh.
            return Environment.GetEnvironmentVariable("DS_SHOP_PAGE") is { Length: > 0 } saved && File.Exists(saved)
                ? File.ReadAllText(saved)
                : throw new FileNotFoundException("DS_SHOP_PAGE does not name a saved product page of the benchmark shop: run bench/parsing/run.sh, which saves one.");
        }

        var path = Path.Combine(Corpora[corpus], relative);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"{path} is missing: install the docs corpus (apt-get install postgresql-doc-15 python-django-doc).", path);
    }
}
