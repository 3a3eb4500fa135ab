namespace DeclarativeScrape;

/// <summary>
/// The quirks mode of a DOCTYPE, by AngleSharp 1.10's rules (the standard's list of public identifiers), from the
/// text between <c>&lt;!DOCTYPE</c> and its <c>&gt;</c>. Only what matters to the tree is told apart: full quirks
/// (<see cref="DoctypeQuirks.On"/>: a <c>&lt;table&gt;</c> does not close an open <c>&lt;p&gt;</c>) or not; a DOCTYPE
/// this reader does not take apart is <see cref="DoctypeQuirks.Unknown"/>.
/// </summary>
internal static class DoctypeClassifier
{
    private static readonly string[] QuirksPrefixes =
    [
        "+//Silmaril//dtd html Pro v0r11 19970101//", "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//",
        "-//AS//DTD HTML 3.0 asWedit + extensions//", "-//IETF//DTD HTML 2.0 Level 1//",
        "-//IETF//DTD HTML 2.0 Level 2//", "-//IETF//DTD HTML 2.0 Strict Level 1//",
        "-//IETF//DTD HTML 2.0 Strict Level 2//", "-//IETF//DTD HTML 2.0 Strict//", "-//IETF//DTD HTML 2.0//",
        "-//IETF//DTD HTML 2.1E//", "-//IETF//DTD HTML 3.0//", "-//IETF//DTD HTML 3.2 Final//",
        "-//IETF//DTD HTML 3.2//", "-//IETF//DTD HTML 3//", "-//IETF//DTD HTML Level 0//",
        "-//IETF//DTD HTML Level 1//", "-//IETF//DTD HTML Level 2//", "-//IETF//DTD HTML Level 3//",
        "-//IETF//DTD HTML Strict Level 0//", "-//IETF//DTD HTML Strict Level 1//",
        "-//IETF//DTD HTML Strict Level 2//", "-//IETF//DTD HTML Strict Level 3//", "-//IETF//DTD HTML Strict//",
        "-//IETF//DTD HTML//", "-//Metrius//DTD Metrius Presentational//",
        "-//Microsoft//DTD Internet Explorer 2.0 HTML Strict//", "-//Microsoft//DTD Internet Explorer 2.0 HTML//",
        "-//Microsoft//DTD Internet Explorer 2.0 Tables//", "-//Microsoft//DTD Internet Explorer 3.0 HTML Strict//",
        "-//Microsoft//DTD Internet Explorer 3.0 HTML//", "-//Microsoft//DTD Internet Explorer 3.0 Tables//",
        "-//Netscape Comm. Corp.//DTD HTML//", "-//Netscape Comm. Corp.//DTD Strict HTML//",
        "-//O'Reilly and Associates//DTD HTML 2.0//", "-//O'Reilly and Associates//DTD HTML Extended 1.0//",
        "-//O'Reilly and Associates//DTD HTML Extended Relaxed 1.0//",
        "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::extensions to HTML 4.0//",
        "-//SoftQuad//DTD HoTMetaL PRO 4.0::19971010::extensions to HTML 4.0//",
        "-//Spyglass//DTD HTML 2.0 Extended//", "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
        "-//Sun Microsystems Corp.//DTD HotJava HTML//", "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//",
        "-//W3C//DTD HTML 3 1995-03-24//", "-//W3C//DTD HTML 3.2 Draft//", "-//W3C//DTD HTML 3.2 Final//",
        "-//W3C//DTD HTML 3.2//", "-//W3C//DTD HTML 3.2S Draft//", "-//W3C//DTD HTML 4.0 Frameset//",
        "-//W3C//DTD HTML 4.0 Transitional//", "-//W3C//DTD HTML Experimental 19960712//",
        "-//W3C//DTD HTML Experimental 970421//", "-//W3C//DTD W3 HTML//", "-//W3O//DTD W3 HTML 3.0//",
        "-//WebTechs//DTD Mozilla HTML 2.0//", "-//WebTechs//DTD Mozilla HTML//",
    ];

    /// <summary>Classifies the DOCTYPE whose text (after the keyword, before the <c>&gt;</c>) is <paramref name="content"/>.</summary>
    public static DoctypeQuirks Classify(ReadOnlySpan<char> content)
    {
        var i = SkipSpaces(content, 0);
        var nameStart = i;
        while (i < content.Length && !IsSpace(content[i]))
        {
            i++;
        }

        if (i == nameStart)
        {
            return DoctypeQuirks.On;
        }

        var isHtml = content[nameStart..i].Equals("html", StringComparison.OrdinalIgnoreCase);
        i = SkipSpaces(content, i);
        Range publicId = default;
        Range systemId = default;
        var hasSystem = false;
        if (i < content.Length)
        {
            var keyword = content[i..];
            if (keyword.StartsWith("public", StringComparison.OrdinalIgnoreCase))
            {
                i += 6;
                if (!TryQuoted(content, ref i, out publicId))
                {
                    return DoctypeQuirks.Unknown;
                }

                i = SkipSpaces(content, i);
                if (i < content.Length)
                {
                    hasSystem = true;
                    if (!TryQuoted(content, ref i, out systemId))
                    {
                        return DoctypeQuirks.Unknown;
                    }
                }
            }
            else if (keyword.StartsWith("system", StringComparison.OrdinalIgnoreCase))
            {
                i += 6;
                hasSystem = true;
                if (!TryQuoted(content, ref i, out systemId))
                {
                    return DoctypeQuirks.Unknown;
                }
            }
            else
            {
                return DoctypeQuirks.Unknown;
            }

            if (SkipSpaces(content, i) != content.Length)
            {
                return DoctypeQuirks.Unknown;
            }
        }

        return IsFullQuirks(isHtml, content[publicId], content[systemId], hasSystem) ? DoctypeQuirks.On : DoctypeQuirks.Off;
    }

    private static bool IsFullQuirks(bool isHtml, ReadOnlySpan<char> publicId, ReadOnlySpan<char> systemId, bool hasSystem)
    {
        if (!isHtml
            || publicId.Equals("-//W3O//DTD W3 HTML Strict 3.0//EN//", StringComparison.OrdinalIgnoreCase)
            || publicId.Equals("-/W3C/DTD HTML 4.0 Transitional/EN", StringComparison.OrdinalIgnoreCase)
            || publicId.Equals("HTML", StringComparison.OrdinalIgnoreCase)
            || systemId.Equals("http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd", StringComparison.OrdinalIgnoreCase)
            || (!hasSystem && publicId.StartsWith("-//W3C//DTD HTML 4.01 Frameset//", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var prefix in QuirksPrefixes)
        {
            if (publicId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return !hasSystem && publicId.StartsWith("-//W3C//DTD HTML 4.01 Transitional//", StringComparison.OrdinalIgnoreCase);
    }

    // White space (optional) then a quoted identifier; i ends after the closing quote.
    private static bool TryQuoted(ReadOnlySpan<char> content, ref int i, out Range value)
    {
        value = default;
        i = SkipSpaces(content, i);
        if (i >= content.Length || content[i] is not ('"' or '\''))
        {
            return false;
        }

        var quote = content[i];
        var close = content[(i + 1)..].IndexOf(quote);
        if (close < 0)
        {
            return false;
        }

        value = new Range(i + 1, i + 1 + close);
        i += close + 2;
        return true;
    }

    private static int SkipSpaces(ReadOnlySpan<char> content, int i)
    {
        while (i < content.Length && IsSpace(content[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
