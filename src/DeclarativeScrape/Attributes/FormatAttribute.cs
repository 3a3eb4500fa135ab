namespace DeclarativeScrape;

/// <summary>
/// The exact format of a <see cref="DateTime"/> or <see cref="DateTimeOffset"/> value (invariant culture), as
/// for <see cref="DateTime.ParseExact(string, string, IFormatProvider)"/>. Without it, ISO 8601 and the
/// invariant culture's usual forms are accepted.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class FormatAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="format">A custom or standard date and time format string, for example <c>"dd MMM yyyy"</c>.</param>
    public FormatAttribute(string format) => Format = format;

    /// <summary>The format string.</summary>
    public string Format { get; }
}
