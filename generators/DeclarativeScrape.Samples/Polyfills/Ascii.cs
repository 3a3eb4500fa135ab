using System.Buffers;

namespace System.Text
{
    /// <summary>netstandard2.0 stand-in for .NET's <c>Ascii.ToUtf16</c>, for the linked single-byte decoder: copies the leading ASCII bytes.</summary>
    internal static class Ascii
    {
        public static OperationStatus ToUtf16(ReadOnlySpan<byte> source, Span<char> destination, out int charsWritten)
        {
            var i = 0;
            var length = Math.Min(source.Length, destination.Length);
            while (i < length && source[i] < 0x80)
            {
                destination[i] = (char)source[i];
                i++;
            }

            charsWritten = i;
            return i == source.Length ? OperationStatus.Done
                : i < source.Length && source[i] >= 0x80 ? OperationStatus.InvalidData
                : OperationStatus.DestinationTooSmall;
        }
    }
}
