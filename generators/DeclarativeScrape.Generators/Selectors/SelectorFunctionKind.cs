namespace DeclarativeScrape.Generators.Selectors;

/// <summary>What a functional pseudo-class or pseudo-element takes between its parentheses.</summary>
internal enum SelectorFunctionKind
{
    /// <summary><c>an+b</c>, <c>odd</c>, <c>even</c>: <c>:nth-of-type()</c> and the like.</summary>
    Nth,

    /// <summary><c>an+b</c> with an optional <c>of S</c>: <c>:nth-child()</c>, <c>:nth-last-child()</c>.</summary>
    NthOfSelector,

    /// <summary>A selector list, no pseudo-element, no directly nested <c>:not()</c>: <c>:not()</c>.</summary>
    Not,

    /// <summary>A selector list: <c>:host()</c>, <c>:host-context()</c>.</summary>
    SelectorList,

    /// <summary>A selector list that skips unknown pseudo-classes: <c>:is()</c>, <c>:where()</c>, <c>:matches()</c>.</summary>
    ForgivingSelectorList,

    /// <summary>A relative, forgiving selector list: <c>:has()</c>.</summary>
    Has,

    /// <summary>One identifier: <c>:dir()</c>, <c>:lang()</c>, <c>::picker()</c>.</summary>
    Identifier,

    /// <summary>One identifier or string: <c>:contains()</c>.</summary>
    Text,
}
