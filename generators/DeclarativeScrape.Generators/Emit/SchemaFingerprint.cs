using System.Globalization;
using System.Text;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>FNV-1a (64-bit) over UTF-8: a stable hash of a scraper's schema text, as 16 lower-case hex digits.</summary>
    internal static class SchemaFingerprint
    {
        private const ulong OffsetBasis = 14695981039346656037UL;
        private const ulong Prime = 1099511628211UL;

        public static string Compute(string schema)
        {
            var hash = OffsetBasis;
            foreach (var b in Encoding.UTF8.GetBytes(schema))
            {
                hash ^= b;
                hash = unchecked(hash * Prime);
            }

            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }
    }
}
