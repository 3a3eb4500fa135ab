namespace System.Buffers
{
    /// <summary>The netstandard2.0 stand-in for <c>SearchValues</c>: a set of characters, looked up one by one.</summary>
    internal sealed class SearchValues<T>
        where T : IEquatable<T>
    {
        public SearchValues(T[] values) => Values = values;

        public T[] Values { get; }

        public bool Contains(T value) => Array.IndexOf(Values, value) >= 0;
    }

    /// <summary>Creates <see cref="SearchValues{T}"/>.</summary>
    internal static class SearchValues
    {
        public static SearchValues<char> Create(string values) => new(values.ToCharArray());
    }
}
