namespace System.Buffers
{
    /// <summary>The netstandard2.0 stand-in for the delegate of <c>string.Create</c>.</summary>
    internal delegate void SpanAction<T, in TArg>(Span<T> span, TArg arg);
}
