namespace System.Runtime.CompilerServices
{
    /// <summary>Lets the linked runtime sources use records and <c>init</c> on netstandard2.0.</summary>
    internal static class IsExternalInit
    {
    }
}
