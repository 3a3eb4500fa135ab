using System.Text;

namespace DeclarativeScrape.DemoSites;

/// <summary>Relative links between root-relative paths, as sites write them (<c>../../media/…</c>).</summary>
internal static class RelativeUrl
{
    /// <summary>The relative URL that, resolved against the page at <paramref name="from"/>, gives <paramref name="to"/>.</summary>
    /// <param name="from">The linking page's path, for example <c>/catalogue/page-2.html</c>.</param>
    /// <param name="to">The target's path, for example <c>/catalogue/some-book_7/index.html</c>.</param>
    public static string Between(string from, string to)
    {
        var fromDirs = from.Split('/')[1..^1];
        var toParts = to.Split('/')[1..];
        var toDirs = toParts[..^1];
        var common = 0;
        while (common < fromDirs.Length && common < toDirs.Length && fromDirs[common] == toDirs[common])
        {
            common++;
        }

        var sb = new StringBuilder();
        for (var i = common; i < fromDirs.Length; i++)
        {
            sb.Append("../");
        }

        for (var i = common; i < toDirs.Length; i++)
        {
            sb.Append(toDirs[i]).Append('/');
        }

        sb.Append(toParts[^1]);
        return sb.Length == 0 ? "./" : sb.ToString();
    }
}
