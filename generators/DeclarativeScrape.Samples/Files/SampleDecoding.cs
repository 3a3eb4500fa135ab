namespace DeclarativeScrape.Samples.Files
{
    /// <summary>Turns a saved page's bytes into text the way the crawl turns a fetched body into text.</summary>
    internal static class SampleDecoding
    {
        private const string Utf8Html = "text/html; charset=utf-8";

        /// <summary>The text of <paramref name="bytes"/>, received with <paramref name="contentType"/> (a saved page's, from its expected-values file).</summary>
        /// <param name="bytes">The saved page.</param>
        /// <param name="contentType">The <c>Content-Type</c> it came with, or <see langword="null"/> when not recorded.</param>
        /// <param name="encoding">The scraper's <c>[PageEncoding]</c> label, which the crawl decodes its pages with (a byte order mark still wins), or <see langword="null"/>.</param>
        public static string Decode(byte[] bytes, string? contentType, string? encoding = null)
        {
            if (encoding is not null)
            {
                return PageDecoder.Decode(bytes, contentType, encoding).Text;
            }

            // The crawl's own decoder (linked from the runtime): the same byte order mark, Content-Type charset, <meta>
            // prescan and default as ParseWorker. A sample whose Content-Type was not recorded (no expected-values file,
            // or none in it) and that names no encoding itself is a file of the project, read as UTF-8 like the
            // project's sources, where the crawl, without any label, would fall back to windows-1252.
            if (contentType is null && PageDecoder.Sniff(bytes, contentType: null, forced: null).Source == EncodingSource.Default)
            {
                contentType = Utf8Html;
            }

            return PageDecoder.Decode(bytes, contentType).Text;
        }
    }
}
