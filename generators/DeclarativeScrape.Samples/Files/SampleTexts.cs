using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeclarativeScrape.Samples.Files
{
    /// <summary>Reads the sample files among the compilation's additional files.</summary>
    internal static class SampleTexts
    {
        /// <summary>The suffix of an expected-values file: <c>book-1.expected.json</c> beside <c>book-1.html</c>.</summary>
        public const string ExpectedSuffix = ".expected.json";

        /// <summary>Whether <paramref name="path"/> is a page (<c>.html</c>, <c>.htm</c>) or an expected-values file.</summary>
        public static bool IsSampleFile(string path) =>
            path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(ExpectedSuffix, StringComparison.OrdinalIgnoreCase);

        /// <summary>The expected-values file of the page at <paramref name="pagePath"/>.</summary>
        public static string ExpectedPathOf(string pagePath)
        {
            var dot = pagePath.LastIndexOf('.');
            var slash = pagePath.LastIndexOf('/');
            return (dot > slash ? pagePath.Substring(0, dot) : pagePath) + ExpectedSuffix;
        }

        /// <summary><paramref name="path"/> with forward slashes and no <c>.</c> or <c>..</c> segments.</summary>
        public static string Normalize(string path)
        {
            var parts = path.Replace('\\', '/').Split('/');
            var kept = new System.Collections.Generic.List<string>(parts.Length);
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (part == "." || (part.Length == 0 && i > 0 && i < parts.Length - 1))
                {
                    continue;
                }

                if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] is not (".." or ""))
                {
                    kept.RemoveAt(kept.Count - 1);
                    continue;
                }

                kept.Add(part);
            }

            return string.Join("/", kept);
        }

        /// <returns>The sample, or <see langword="null"/> when the file cannot be read.</returns>
        public static SampleText? Read(AdditionalText file, CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                return null;
            }

            var path = Normalize(file.Path);
            if (path.EndsWith(ExpectedSuffix, StringComparison.OrdinalIgnoreCase))
            {
                return new SampleText(path, Checksum(text), null, text.ToString());
            }

            return new SampleText(path, Checksum(text), BytesOf(text), null);
        }

        /// <summary>
        /// The file's bytes as they are on disk. The compiler hands additional files over as text, decoded with the
        /// encoding it detected (a byte order mark, else UTF-8, else its fallback code page); encoding the text back with
        /// that encoding gives the original bytes, which the crawl's decoder then reads as it reads a fetched page.
        /// </summary>
        private static byte[] BytesOf(SourceText text)
        {
            var encoding = text.Encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            var preamble = encoding.GetPreamble();
            var content = encoding.GetBytes(text.ToString());
            if (preamble.Length == 0)
            {
                return content;
            }

            var bytes = new byte[preamble.Length + content.Length];
            Buffer.BlockCopy(preamble, 0, bytes, 0, preamble.Length);
            Buffer.BlockCopy(content, 0, bytes, preamble.Length, content.Length);
            return bytes;
        }

        private static string Checksum(SourceText text)
        {
            var checksum = text.GetChecksum();
            byte[] hash;
            if (checksum.IsDefaultOrEmpty)
            {
                using var sha = SHA256.Create();
                hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
            }
            else
            {
                hash = checksum.ToArray();
            }

            var builder = new StringBuilder(hash.Length * 2 + 12);
            foreach (var b in hash)
            {
                builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return builder.Append(':').Append(text.Length.ToString(CultureInfo.InvariantCulture)).ToString();
        }
    }
}
