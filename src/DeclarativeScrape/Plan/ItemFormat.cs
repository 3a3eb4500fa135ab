using System.Text.Json;

namespace DeclarativeScrape;

/// <summary>
/// How items are written to an output file, without reflection. The generator emits one per scraper.
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
public abstract class ItemFormat<TItem>
{
    /// <summary>Writes <paramref name="item"/> as one JSON object (camelCase property names, enums as their names).</summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="item">The item.</param>
    public abstract void WriteJson(Utf8JsonWriter writer, TItem item);

    /// <summary>
    /// The CSV header, one name per column; empty when the items cannot be written as one table (several item
    /// types), in which case asking for CSV output is an error at start-up.
    /// </summary>
    public abstract IReadOnlyList<string> CsvColumns { get; }

    /// <summary>Fills one CSV row: <paramref name="cells"/> has one slot per <see cref="CsvColumns"/> entry, formatted invariantly; nested values as JSON text.</summary>
    /// <param name="item">The item.</param>
    /// <param name="cells">The row's cells, to fill; <see langword="null"/> for an absent value.</param>
    public abstract void WriteCsvRow(TItem item, Span<string?> cells);
}
