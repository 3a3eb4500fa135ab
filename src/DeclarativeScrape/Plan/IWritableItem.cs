using System.Text.Json;

namespace DeclarativeScrape.Generated;

/// <summary>
/// An item type that writes itself as JSON and CSV without reflection. The generator implements it explicitly on
/// every <see cref="ItemAttribute"/> type (so it adds nothing to the type's visible members); the scraper's
/// <see cref="ItemFormat{TItem}"/> and <see cref="ItemWriting"/> call it.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public interface IWritableItem<TSelf> where TSelf : IWritableItem<TSelf>
{
    /// <summary>Writes the item's properties (not the enclosing braces): camelCase names, or the <c>[JsonPropertyName]</c> given.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="value">The item.</param>
    static abstract void WriteJsonProperties(Utf8JsonWriter writer, TSelf value);

    /// <summary>The CSV header: one column per property, named as in JSON.</summary>
    static abstract IReadOnlyList<string> CsvColumns { get; }

    /// <summary>Fills one CSV row, one cell per <see cref="CsvColumns"/> entry: scalars formatted invariantly, nested values as JSON text.</summary>
    /// <param name="value">The item.</param>
    /// <param name="cells">The cells; <see langword="null"/> for an absent value.</param>
    static abstract void WriteCsvRow(TSelf value, Span<string?> cells);
}
