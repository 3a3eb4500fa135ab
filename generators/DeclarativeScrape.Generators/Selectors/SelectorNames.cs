using System;
using System.Collections.Generic;

namespace DeclarativeScrape.Generators.Selectors;

/// <summary>The pseudo-classes and pseudo-elements AngleSharp 1.10 knows (its default factories), compared ignoring case.</summary>
internal static class SelectorNames
{
    public static readonly HashSet<string> PseudoClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "root", "scope", "only-of-type", "first-of-type", "last-of-type", "only-child", "first-child", "last-child",
        "empty", "any-link", "link", "visited", "active", "hover", "focus", "target", "enabled", "disabled", "default",
        "defined", "checked", "open", "indeterminate", "placeholder-shown", "unchecked", "valid", "invalid", "required",
        "read-only", "read-write", "in-range", "out-of-range", "optional", "focus-visible", "focus-within", "shadow",
        "host", "before", "after", "first-line", "first-letter",
    };

    public static readonly HashSet<string> PseudoElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "before", "after", "selection", "footnote-call", "footnote-marker", "first-line", "first-letter", "content",
        "checkmark", "picker-icon",
    };

    /// <summary>Pseudo-class functions and the argument each takes.</summary>
    public static readonly Dictionary<string, SelectorFunctionKind> PseudoClassFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nth-child"] = SelectorFunctionKind.NthOfSelector,
        ["nth-last-child"] = SelectorFunctionKind.NthOfSelector,
        ["nth-of-type"] = SelectorFunctionKind.Nth,
        ["nth-last-of-type"] = SelectorFunctionKind.Nth,
        ["nth-column"] = SelectorFunctionKind.Nth,
        ["nth-last-column"] = SelectorFunctionKind.Nth,
        ["not"] = SelectorFunctionKind.Not,
        ["dir"] = SelectorFunctionKind.Identifier,
        ["lang"] = SelectorFunctionKind.Identifier,
        ["contains"] = SelectorFunctionKind.Text,
        ["has"] = SelectorFunctionKind.Has,
        ["is"] = SelectorFunctionKind.ForgivingSelectorList,
        ["matches"] = SelectorFunctionKind.ForgivingSelectorList,
        ["where"] = SelectorFunctionKind.ForgivingSelectorList,
        ["host-context"] = SelectorFunctionKind.SelectorList,
        ["host"] = SelectorFunctionKind.SelectorList,
    };

    /// <summary>Pseudo-element functions and the argument each takes.</summary>
    public static readonly Dictionary<string, SelectorFunctionKind> PseudoElementFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["picker"] = SelectorFunctionKind.Identifier,
    };
}
