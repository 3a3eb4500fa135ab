namespace DeclarativeScrape;

/// <summary>A request header sent with every request of the scraper. Repeat the attribute for several.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class HeaderAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The header name, for example <c>"Accept-Language"</c>.</param>
    /// <param name="value">The header value.</param>
    public HeaderAttribute(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The header name.</summary>
    public string Name { get; }

    /// <summary>The header value.</summary>
    public string Value { get; }
}
