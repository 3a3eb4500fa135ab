using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace DeclarativeScrape.Generators.Model
{
    /// <summary>Builds <see cref="EquatableArray{T}"/>s.</summary>
    internal static class EquatableArrayExtensions
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new EquatableArray<T>(items);

        public static EquatableArray<T> ToEquatableArray<T>(this ImmutableArray<T>.Builder items)
            where T : IEquatable<T> => new EquatableArray<T>(items.ToImmutable());
    }
}
