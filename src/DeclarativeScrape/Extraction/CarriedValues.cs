using System.Diagnostics.CodeAnalysis;

namespace DeclarativeScrape;

/// <summary>
/// Values a page passes on to the pages it links to (a <see cref="FollowAttribute"/>'s <see cref="FollowAttribute.Carry"/>),
/// which they read into their <see cref="CarriedAttribute"/> properties: each value by its property's name, as its
/// invariant text (the text a CSV cell of it holds), converted back by the receiving property as if extracted.
/// Generated code builds them; the frontier keeps them with the queued URL (a persistent store as JSON: <see cref="CarriedValuesJson"/>).
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

    /// <summary>The name of value <paramref name="index"/>.</summary>
    internal string NameAt(int index) => _names[index];

    /// <summary>The invariant text of value <paramref name="index"/>; <see langword="null"/> when it is absent.</summary>
    internal string? ValueAt(int index) => _values[index];
}
