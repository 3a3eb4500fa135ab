using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DeclarativeScrape.Generated;

/// <summary>The JSON and CSV value writing that generated <see cref="IWritableItem{TSelf}"/> implementations share.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ItemWriting
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Writes <paramref name="value"/> as a JSON object, or <c>null</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The item.</param>
    public static void WriteJson<T>(Utf8JsonWriter writer, T? value) where T : IWritableItem<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        T.WriteJsonProperties(writer, value);
        writer.WriteEndObject();
    }

    /// <summary>Writes the properties of <paramref name="value"/> into the object the writer is in (for a union item, after its <c>"$type"</c>).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="value">The item.</param>
    public static void WriteJsonProperties<T>(Utf8JsonWriter writer, T value) where T : IWritableItem<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        T.WriteJsonProperties(writer, value);
    }

    /// <summary>Writes a number; NaN and infinities (which JSON has no number for) as their invariant names in a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The number.</param>
    public static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a URL as a string (its escaped absolute form), or <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The URL.</param>
    public static void WriteUri(Utf8JsonWriter writer, Uri? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(FormatUri(value));
        }
    }

    /// <summary>Writes a value of a user converter's type: its invariant <see cref="IFormattable"/> form, or <see cref="object.ToString"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteFormatted<T>(Utf8JsonWriter writer, T? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = Format(value);
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    /// <summary>A URL's text: the escaped absolute form, or the original string of a relative URL.</summary>
    /// <param name="value">The URL.</param>
    /// <returns>The text.</returns>
    public static string FormatUri(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IsAbsoluteUri ? value.AbsoluteUri : value.OriginalString;
    }

    /// <summary>A date's CSV cell: round-trip ISO 8601 (<c>"O"</c>).</summary>
    /// <param name="value">The date.</param>
    /// <returns>The text.</returns>
    public static string FormatDate(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A date's CSV cell: round-trip ISO 8601 (<c>"O"</c>).</summary>
    /// <param name="value">The date.</param>
    /// <returns>The text.</returns>
    public static string FormatDate(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A value's CSV cell with the invariant culture: <see cref="IFormattable"/> when implemented, else <see cref="object.ToString"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/> for a null value.</returns>
    public static string? Format<T>(T? value) => value switch
    {
        null => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// Starts writing a nested value as JSON text for a CSV cell: returns a reused writer. Write exactly one JSON value
    /// to it, then call <see cref="EndJsonText"/>. One at a time per thread: a new call starts over.
    /// </summary>
    /// <returns>The writer.</returns>
    public static Utf8JsonWriter BeginJsonText()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false });
        writer.Reset(buffer);
        return writer;
    }

    /// <summary>Ends the JSON text started by <see cref="BeginJsonText"/> and returns it.</summary>
    /// <returns>The JSON text.</returns>
    public static string EndJsonText()
    {
        var writer = t_writer ?? throw new InvalidOperationException("EndJsonText was called without BeginJsonText.");
        var buffer = t_buffer!;
        writer.Flush();
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > 64 * 1024)
        {
            t_buffer = null;
            t_writer = null;
        }

        return text;
    }
}
