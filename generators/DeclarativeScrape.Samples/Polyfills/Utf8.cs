using System.Buffers;

namespace System.Text.Unicode
{
    /// <summary>
    /// netstandard2.0 stand-in for .NET's <c>Utf8.ToUtf16</c>, for the linked <c>PageDecoder</c>: a whole buffer decoded
    /// with invalid sequences replaced. On .NET (the command-line compiler, and IDEs that run analyzers on .NET) the
    /// encoder replaces exactly as <c>Utf8.ToUtf16</c> does (the WHATWG "maximal subpart" rule); .NET Framework hosts
    /// may replace a malformed sequence with a different number of U+FFFD.
    /// </summary>
    internal static class Utf8
    {
        private static readonly UTF8Encoding Replacing = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        public static OperationStatus ToUtf16(ReadOnlySpan<byte> source, Span<char> destination, out int bytesRead, out int charsWritten, bool replaceInvalidSequences = true, bool isFinalBlock = true)
        {
            var bytes = source.ToArray();
            var chars = Replacing.GetChars(bytes);
            chars.AsSpan().CopyTo(destination);
            bytesRead = bytes.Length;
            charsWritten = chars.Length;
            return OperationStatus.Done;
        }
    }
}
