using AngleSharp.Css;
using AngleSharp.Css.Dom;

namespace DeclarativeScrape;

/// <summary>
/// Finds the element name every match of a selector must have, by visiting AngleSharp's parsed selector: the type
/// selector of the rightmost compound (<c>h1</c> in <c>div.product_main h1</c>, <c>rect</c> in <c>svg|rect</c>). It
/// answers <see langword="null"/> (no shortcut, the full matcher decides) for <c>*</c> and <c>&amp;</c>, for a compound
/// without a type selector, for a selector list whose branches differ, and for anything it does not recognise. The
/// runtime tests hold it to AngleSharp's own matching on the selector corpus and thousands of mutations of it.
/// </summary>
internal sealed class SelectorElementName : ISelectorVisitor
{
    private string? _name;

    private SelectorElementName()
    {
    }

    /// <summary>The element name every match of <paramref name="selector"/> has, or <see langword="null"/>.</summary>
    public static string? Of(ISelector selector)
    {
        var visitor = new SelectorElementName();
        try
        {
            selector.Accept(visitor);
        }
        catch (NotImplementedException)
        {
            // A selector type that cannot be visited: no shortcut, the matcher decides.
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }

        return visitor._name;
    }

    // Type() is also how AngleSharp visits '*', the nesting selector '&' and a namespace prefix (only ever left of '|',
    // never the subject): keep plain element names only.
    void ISelectorVisitor.Type(string name) => _name = IsElementName(name) ? name : null;

    void ISelectorVisitor.Combinator(IEnumerable<ISelector> selectors, IEnumerable<string> symbols)
    {
        // The subject of a complex selector is its last compound: the element itself must match it.
        ISelector? last = null;
        foreach (var selector in selectors)
        {
            last = selector;
        }

        _name = last is null ? null : Of(last);
    }

    void ISelectorVisitor.Many(IEnumerable<ISelector> selectors)
    {
        // A compound: the element must match every part, so any type part names it.
        foreach (var selector in selectors)
        {
            if (Of(selector) is { } name)
            {
                _name = name;
                return;
            }
        }
    }

    void ISelectorVisitor.List(IEnumerable<ISelector> selectors)
    {
        // A list: the element matches any branch, so only a name shared by every branch is required.
        string? shared = null;
        foreach (var selector in selectors)
        {
            var name = Of(selector);
            if (name is null || (shared is not null && !string.Equals(shared, name, StringComparison.OrdinalIgnoreCase)))
            {
                _name = null;
                return;
            }

            shared = name;
        }

        _name = shared;
    }

    private static bool IsElementName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c < 0x80)
            {
                return false;
            }
        }

        return true;
    }

    void ISelectorVisitor.Attribute(string name, string op, string? value)
    {
    }

    void ISelectorVisitor.Id(string value)
    {
    }

    void ISelectorVisitor.Child(string name, int step, int offset, ISelector selector)
    {
    }

    void ISelectorVisitor.Class(string name)
    {
    }

    void ISelectorVisitor.PseudoClass(string name)
    {
    }

    void ISelectorVisitor.PseudoElement(string name)
    {
    }
}
