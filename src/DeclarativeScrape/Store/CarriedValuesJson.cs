using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DeclarativeScrape;

/// <summary>
/// How a persistent store keeps a queued URL's <see cref="CarriedValues"/>: one JSON object of the present values by
/// name (a state directory's and PostgreSQL's <c>carried</c> column). Kept apart from <see cref="CarriedValues"/>,
/// which extraction uses (and the compile-time sample check compiles without System.Text.Json).
/// </summary>
internal static class CarriedValuesJson
{
    /// <summary>The values as one JSON object, absent ones left out.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(CarriedValues values)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < values.Count; i++)
            {
                if (values.ValueAt(i) is { } value)
                {
                    writer.WriteString(values.NameAt(i), value);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The values.</returns>
    public static CarriedValues Read(string json)
    {
        var names = new List<string>();
        var values = new List<string?>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                names.Add(reader.GetString()!);
                reader.Read();
                values.Add(reader.GetString());
            }
        }

        return CarriedValues.Create([.. names], [.. values]);
    }
}
