namespace DeclarativeScrape;

/// <summary>
/// What HTML tree construction needs to know of an element name, as AngleSharp 1.10 marks its elements (which is not
/// always the standard's list: <c>time</c>, <c>output</c> and the form controls are special there, <c>object</c> too).
/// </summary>
[Flags]
internal enum ElementFlags : ushort
{
    None = 0,

    /// <summary>In the "special" category: an end tag of another name stops at it; the list-item loops stop at it.</summary>
    Special = 1 << 0,

    /// <summary>Ends the default scope (and so every scope but the table and select scopes).</summary>
    Scoped = 1 << 1,

    /// <summary>Also ends the list item scope.</summary>
    ListScoped = 1 << 2,

    /// <summary>Ends the table scope.</summary>
    TableScoped = 1 << 3,

    /// <summary>Ends the table section scope.</summary>
    TableSectionScoped = 1 << 4,

    /// <summary>Stays inside the select scope (every other element ends it).</summary>
    SelectScoped = 1 << 5,

    /// <summary>Closed by "generate implied end tags".</summary>
    ImpliedEnd = 1 << 6,

    /// <summary>A formatting element: kept in the list of active formatting elements.</summary>
    Formatting = 1 << 7,

    /// <summary>May be left open at the end of the body without a parse error.</summary>
    ImplicitlyClosed = 1 << 8,
}
