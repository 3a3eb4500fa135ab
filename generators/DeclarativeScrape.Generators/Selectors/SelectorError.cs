namespace DeclarativeScrape.Generators.Selectors
{
    /// <summary>Where and why a CSS selector is invalid.</summary>
    internal readonly struct SelectorError
    {
        public SelectorError(string message, int offset, int length)
        {
            Message = message;
            Offset = offset;
            Length = length;
        }

        /// <summary>What is wrong, for the diagnostic message, for example <c>unclosed attribute selector '['</c>.</summary>
        public string Message { get; }

        /// <summary>The offset in the selector string where the problem starts.</summary>
        public int Offset { get; }

        /// <summary>The length of the offending part (at least 1 unless the selector is empty).</summary>
        public int Length { get; }
    }
}
