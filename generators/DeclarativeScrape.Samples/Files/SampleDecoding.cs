using System.Net.Http.Headers;

namespace DeclarativeScrape.Samples.Files
{
    /// <summary>Turns a saved page's bytes into text the way the crawl turns a fetched body into text.</summary>
    internal static class SampleDecoding
    {
        /// <summary>The text of <paramref name="bytes"/>, received with <paramref name="contentType"/> (a saved page's, from its expected-values file).</summary>
        public static string Decode(byte[] bytes, string? contentType)
        {
            // SEAM(decode): this is the crawl's decoding today (ParseWorker: HtmlEncodingSniffer with the Content-Type's
            // charset as HttpClient parses it). When the one decoder (PageDecoder, issue 17) is on main, link its sources
            // into this project and call PageDecoder.Decode(bytes, contentType) here, as the crawl will.
            var charset = contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.CharSet : null;
            var encoding = HtmlEncodingSniffer.Detect(bytes, charset, out var bom);
            return encoding.GetString(bytes, bom, bytes.Length - bom);
        }
    }
}
