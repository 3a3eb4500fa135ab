namespace DeclarativeScrape.Generators.Diagnostics
{
    /// <summary>The properties a sample check's diagnostic carries for its code fix.</summary>
    internal static class SampleFixProperties
    {
        /// <summary>The property's name (DS0028, DS0029).</summary>
        public const string Property = "Property";

        /// <summary>
        /// DS0028: present (<c>true</c>) when making the property optional is the fix: its value is only absent, in every
        /// sample it fails in.
        /// </summary>
        public const string MakeOptional = "MakeOptional";
    }
}
