using AngleSharp.Css.Dom;

namespace DeclarativeScrape.Generated;

/// <summary>The messages of <see cref="ExtractionFailure"/>s recorded by generated extractors.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ExtractionMessages
{
    /// <summary>The longest part of a page value quoted in a message; longer values are cut with an ellipsis.</summary>
    public const int MaxQuotedLength = 80;

    /// <summary>Nothing matched the property's selector.</summary>
    public const string NoElementMatched = "no element matched";

    /// <summary>A required <see cref="FollowAttribute"/> link whose selector matched, but none of whose links passes its <see cref="FollowAttribute.Include"/>/<see cref="FollowAttribute.Exclude"/> patterns.</summary>
    public const string NoLinkPasses = "no link passes the Include/Exclude patterns";

    /// <summary>A required <see cref="CarriedAttribute"/> property of a page reached by a link that carried no such value.</summary>
    public const string NotCarried = "no value was carried by the link to this page (a start URL, or a link of a page that did not carry it)";

    /// <summary>The message for a required property whose selector matched nothing.</summary>
    /// <param name="selector">The property's selector.</param>
    /// <returns><c>no element matched</c>, or a note that the selector is not valid CSS.</returns>
    public static string NoElement(ISelector selector) =>
        selector is InvalidSelector ? "the selector is not valid CSS (AngleSharp refused it)" : NoElementMatched;

    /// <summary>The matched element lacks the attribute.</summary>
    /// <param name="attribute">The attribute name.</param>
    /// <returns>For example <c>the element has no 'src' attribute</c>.</returns>
    public static string NoAttribute(string attribute) => $"the element has no '{attribute}' attribute";

    /// <summary>A <see cref="MatchAttribute"/> pattern did not match.</summary>
    /// <param name="value">The text the pattern was applied to.</param>
    /// <returns>For example <c>'out of stock' does not match the pattern</c>.</returns>
    public static string NoMatch(string value) => $"'{Quote(value)}' does not match the pattern";

    /// <summary>A value did not convert.</summary>
    /// <param name="value">The text.</param>
    /// <param name="what">What it should have been, with its article, for example <c>a decimal</c>.</param>
    /// <returns>For example <c>'abc' is not a decimal</c>.</returns>
    public static string NotA(string value, string what) => $"'{Quote(value)}' is not {what}";

    /// <summary>A user converter threw.</summary>
    /// <param name="converter">The converter, for example <c>Units.ParseGrams</c>.</param>
    /// <param name="value">The text it was given.</param>
    /// <param name="exception">What it threw.</param>
    /// <returns>For example <c>converter Units.ParseGrams threw FormatException on '12 kg': bad unit</c>.</returns>
    public static string ConverterThrew(string converter, string value, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"converter {converter} threw {exception.GetType().Name} on '{Quote(value)}': {exception.Message}";
    }

    /// <summary>A <see cref="SplitAttribute"/> found no such part.</summary>
    /// <param name="value">The text that was split.</param>
    /// <param name="separator">The separator.</param>
    /// <param name="index">The part asked for.</param>
    /// <returns>For example <c>'Home' has no part -2 when split on '›'</c>.</returns>
    public static string NoPart(string value, string separator, int index) =>
        $"'{Quote(value)}' has no part {index.ToString(System.Globalization.CultureInfo.InvariantCulture)} when split on '{separator}'";

    private static string Quote(string value) =>
        value.Length <= MaxQuotedLength ? value : string.Concat(value.AsSpan(0, MaxQuotedLength), "…");
}
