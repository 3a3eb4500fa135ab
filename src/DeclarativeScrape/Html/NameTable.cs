using System.Collections.Frozen;

namespace DeclarativeScrape;

/// <summary>
/// One parser's interned names (element and attribute names, lower case): the <see cref="HtmlNames"/> with their fixed
/// ids, then every other name the parser has met, numbered in order of arrival. Ids are stable for the parser's life,
/// except that a table grown past <see cref="LocalLimit"/> names starts over before the next page.
/// </summary>
internal sealed class NameTable
{
    /// <summary>The most names of its own a table keeps between pages.</summary>
    public const int LocalLimit = 4096;

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Known =
        HtmlNames.Names.Select(static (name, id) => KeyValuePair.Create(name, id))
            .ToFrozenDictionary(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Dictionary<string, int> _local = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _localLookup;
    private readonly List<string> _names = [.. HtmlNames.Names];

    public NameTable() => _localLookup = _local.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of ids given out.</summary>
    public int Count => _names.Count;

    /// <summary>The name of <paramref name="id"/>.</summary>
    public string this[int id] => _names[id];

    /// <summary>The id of a name (already in lower case), adding it when new.</summary>
    public int GetId(ReadOnlySpan<char> name)
    {
        if (Known.TryGetValue(name, out var id) || _localLookup.TryGetValue(name, out id))
        {
            return id;
        }

        var text = name.ToString();
        id = _names.Count;
        _names.Add(text);
        _local.Add(text, id);
        return id;
    }

    /// <summary>The id of a name (already in lower case), or -1 when this table has not met it.</summary>
    public int Find(ReadOnlySpan<char> name) =>
        Known.TryGetValue(name, out var id) || _localLookup.TryGetValue(name, out id) ? id : -1;

    /// <summary>Forgets the names of its own when there are too many (between pages only: ids change).</summary>
    public void TrimIfLarge()
    {
        if (_local.Count > LocalLimit)
        {
            _local.Clear();
            _names.RemoveRange(HtmlNames.Count, _names.Count - HtmlNames.Count);
        }
    }

    /// <summary>The tree-construction flags of an element name.</summary>
    public static ElementFlags FlagsOf(int id) => id < HtmlNames.Count ? HtmlNames.Flags[id] : ElementFlags.None;
}
