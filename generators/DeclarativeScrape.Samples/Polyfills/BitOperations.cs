namespace System.Numerics
{
    /// <summary>The netstandard2.0 stand-in for the one <c>BitOperations</c> method the linked runtime sources use.</summary>
    internal static class BitOperations
    {
        public static int TrailingZeroCount(ulong value)
        {
            if (value == 0)
            {
                return 64;
            }

            var count = 0;
            while ((value & 1) == 0)
            {
                value >>= 1;
                count++;
            }

            return count;
        }
    }
}
