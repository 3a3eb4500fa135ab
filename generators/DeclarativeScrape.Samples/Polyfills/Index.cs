namespace System
{
    /// <summary>The netstandard2.0 stand-in for <c>System.Index</c>, so the linked runtime sources can write <c>^1</c>.</summary>
    internal readonly struct Index
    {
        private readonly int _value;

        public Index(int value, bool fromEnd = false)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "The index must not be negative.");
            }

            _value = fromEnd ? ~value : value;
        }

        public static Index Start => new(0);

        public static Index End => new(0, fromEnd: true);

        public int Value => _value < 0 ? ~_value : _value;

        public bool IsFromEnd => _value < 0;

        public static Index FromStart(int value) => new(value);

        public static Index FromEnd(int value) => new(value, fromEnd: true);

        public static implicit operator Index(int value) => FromStart(value);

        public int GetOffset(int length) => IsFromEnd ? length - Value : Value;
    }
}
