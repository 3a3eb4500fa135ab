namespace DeclarativeScrape.Generators.Model
{
    /// <summary>How many values a property holds, and whether one is required.</summary>
    internal enum ValueShape
    {
        /// <summary>One value, required: a missing or unconvertible value is an extraction failure.</summary>
        Required,

        /// <summary>One value or none (a nullable type).</summary>
        Optional,

        /// <summary>Every match (<c>IReadOnlyList&lt;T&gt;</c>); never required.</summary>
        List,
    }
}
