using System.Text.Json;

namespace DeclarativeScrape.Generated;

/// <summary>The <see cref="ItemFormat{TItem}"/> of a scraper with one item type: that type's own generated writers.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ItemFormats
{
    /// <summary>The format writing <typeparamref name="T"/> through its generated <see cref="IWritableItem{TSelf}"/> members.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <returns>The format (one shared instance per type).</returns>
    public static ItemFormat<T> Of<T>() where T : IWritableItem<T> => WritableFormat<T>.Instance;

    private sealed class WritableFormat<T> : ItemFormat<T> where T : IWritableItem<T>
    {
        public static readonly WritableFormat<T> Instance = new();

        public override IReadOnlyList<string> CsvColumns => T.CsvColumns;

        public override void WriteJson(Utf8JsonWriter writer, T item) => ItemWriting.WriteJson(writer, item);

        public override void WriteCsvRow(T item, Span<string?> cells) => T.WriteCsvRow(item, cells);
    }
}
