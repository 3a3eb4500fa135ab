namespace System.Text
{
    /// <summary>netstandard2.0 stand-in for the part of .NET's <c>Rune</c> the linked GB18030 decoder uses: a supplementary code point written as UTF-16.</summary>
    internal readonly struct Rune
    {
        private readonly int _value;

        public Rune(int value) => _value = value;

        public int EncodeToUtf16(Span<char> destination)
        {
            if (_value < 0x10000)
            {
                destination[0] = (char)_value;
                return 1;
            }

            var offset = _value - 0x10000;
            destination[0] = (char)(0xD800 + (offset >> 10));
            destination[1] = (char)(0xDC00 + (offset & 0x3FF));
            return 2;
        }
    }
}
