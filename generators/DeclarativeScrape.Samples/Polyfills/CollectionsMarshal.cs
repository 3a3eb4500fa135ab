using System.Collections.Generic;

namespace System.Runtime.InteropServices
{
    /// <summary>
    /// The netstandard2.0 stand-in for <c>CollectionsMarshal</c>: a copy of the list instead of its backing array
    /// (the linked runtime sources only read it).
    /// </summary>
    internal static class CollectionsMarshal
    {
        public static Span<T> AsSpan<T>(List<T>? list) => list is null ? default : list.ToArray();
    }
}
