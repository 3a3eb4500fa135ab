namespace DeclarativeScrape;

/// <summary>A growable run of characters, reused from page to page by one parser.</summary>
internal sealed class CharBuffer
{
    private readonly int _initialCapacity;
    private char[] _chars;

    public CharBuffer(int capacity)
    {
        _initialCapacity = capacity;
        _chars = new char[capacity];
    }

    /// <summary>The number of characters in use; setting it lower drops the end.</summary>
    public int Count { get; set; }

    /// <summary>The characters in use.</summary>
    public Span<char> Span => _chars.AsSpan(0, Count);

    /// <summary>The backing array (valid until the next append).</summary>
    public char[] Array => _chars;

    public void Clear() => Count = 0;

    public void Append(char c)
    {
        if (Count == _chars.Length)
        {
            Grow(1);
        }

        _chars[Count++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        if (_chars.Length - Count < text.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars.AsSpan(Count));
        Count += text.Length;
    }

    public void Append(string text) => Append(text.AsSpan());

    /// <summary>Empties the buffer, and gives back an array a freak page made large.</summary>
    public void Reset(int keepAtMost)
    {
        Count = 0;
        if (_chars.Length > keepAtMost)
        {
            _chars = new char[_initialCapacity];
        }
    }

    private void Grow(int needed) =>
        System.Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Count + needed));
}
