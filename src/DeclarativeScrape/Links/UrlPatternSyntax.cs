// Compiled into both the runtime and the generator (linked), so that a pattern the build accepts is one the run accepts.
// Its namespace differs between the two, so it is a block, not file-scoped.
#pragma warning disable IDE0161
#if DECLARATIVESCRAPE_GENERATOR
namespace DeclarativeScrape.Generators.Parsing
#else
namespace DeclarativeScrape
#endif
{
    /// <summary>The syntax rules of a URL pattern (see <c>UrlPattern</c>), checked at compile time and at start-up alike.</summary>
    internal static class UrlPatternSyntax
    {
        /// <summary>Whether the pattern is matched against the whole URL rather than its path.</summary>
        public static bool IsWholeUrl(string pattern) =>
            pattern.StartsWith("http://", System.StringComparison.Ordinal) || pattern.StartsWith("https://", System.StringComparison.Ordinal);

        /// <summary>Why <paramref name="pattern"/> is not a URL pattern, or <see langword="null"/> when it is one.</summary>
        public static string? Problem(string? pattern)
        {
            if (pattern is null || pattern.Length == 0)
            {
                return pattern is null ? "it is null" : "it is empty";
            }

            if (!IsWholeUrl(pattern) && pattern[0] is not ('/' or '*' or '{'))
            {
                return "a pattern starts with '/' (a path: '/docs/**'), '*' ('**.pdf') or '{', or with 'http://' or 'https://' (a whole URL)";
            }

            var open = false;
            foreach (var c in pattern)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return "it contains white space or a control character (write a space as %20)";
                }

                if (c == '#')
                {
                    return "it contains '#': URLs are matched without their fragment";
                }

                if (c == '{')
                {
                    if (open)
                    {
                        return "'{' alternatives cannot be nested";
                    }

                    open = true;
                }
                else if (c == '}')
                {
                    if (!open)
                    {
                        return "'}' has no '{' before it";
                    }

                    open = false;
                }
            }

            return open ? "'{' is not closed by '}'" : null;
        }
    }
}
