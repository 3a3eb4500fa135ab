using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace DeclarativeScrape;

/// <summary>
/// Values a page passes on to the pages it links to (a <see cref="FollowAttribute"/>'s <see cref="FollowAttribute.Carry"/>),
/// which they read into their <see cref="CarriedAttribute"/> properties: each value by its property's name, as its
/// invariant text (the text a CSV cell of it holds), converted back by the receiving property as if extracted.
/// Generated code builds them; the frontier keeps them with the queued URL (a state directory on disk).
/// </summary>
public sealed class CarriedValues
{
    private readonly string[] _names;
    private readonly string?[] _values;

    private CarriedValues(string[] names, string?[] values)
    {
        _names = names;
        _values = values;
    }

    /// <summary>How many values there are (absent ones included).</summary>
    public int Count => _names.Length;

    /// <summary>Creates the values of one page.</summary>
    /// <param name="names">The names (built once per link property by generated code); not copied.</param>
    /// <param name="values">The values' invariant texts, in the order of <paramref name="names"/>; <see langword="null"/> for an absent value.</param>
    /// <returns>The values.</returns>
    public static CarriedValues Create(string[] names, string?[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Length != values.Length)
        {
            throw new ArgumentException($"{names.Length} names but {values.Length} values.", nameof(values));
        }

        return new CarriedValues(names, values);
    }

    /// <summary>The text of the value named <paramref name="name"/>, when it was carried and present.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">Its invariant text.</param>
    /// <returns>Whether it was carried with a value.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out string? value)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                value = _values[i];
                return value is not null;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The values as one JSON object (absent ones left out), as a state directory stores them.</summary>
    internal string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < _names.Length; i++)
            {
                if (_values[i] is { } value)
                {
                    writer.WriteString(_names[i], value);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    internal static CarriedValues FromJson(string json)
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

        return new CarriedValues([.. names], [.. values]);
    }
}
