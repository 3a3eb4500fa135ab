using System.Text;
using AngleSharp.Css.Parser;
using DeclarativeScrape.Generators.Selectors;

namespace DeclarativeScrape.Tests.Selectors;

/// <summary>
/// Holds the compile-time selector checker to AngleSharp 1.10.3's parser, the one that runs the selectors: both must
/// accept and refuse exactly the same selectors, on the corpus and on thousands of mutations of it.
/// </summary>
public sealed class CssSelectorCorpusTests
{
    /// <summary>
    /// Forms the checker knowingly gets wrong. A chain of more than 512 dots is refused whole by the checker, which
    /// bounds its recursion to protect the compiler's stack; AngleSharp reads it dot by dot and, inside
    /// ':nth-child(... odd of S)', forgives the invalid token. No scraper writes that.
    /// </summary>
    private static readonly string[] KnownExceptions = [":nth-child(" + new string('.', 600) + " odd of a)"];

    public static TheoryData<int> Lines
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var entry in SelectorCorpus.All)
            {
                data.Add(entry.Line);
            }

            return data;
        }
    }

    [Fact]
    public void The_corpus_has_at_least_200_valid_and_200_invalid_selectors()
    {
        SelectorCorpus.All.Count(e => e.Valid).ShouldBeGreaterThanOrEqualTo(200);
        SelectorCorpus.All.Count(e => !e.Valid).ShouldBeGreaterThanOrEqualTo(200);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void AngleSharp_and_the_checker_agree_with_the_corpus(int line)
    {
        var (_, selector, valid) = SelectorCorpus.All.Single(e => e.Line == line);

        AngleSharpAccepts(selector).ShouldBe(valid, $"AngleSharp on '{selector}' (selectors.txt line {line})");
        var error = CssSelectorChecker.Check(selector);
        (error is null).ShouldBe(valid, $"checker on '{selector}' (selectors.txt line {line}): {error?.Message}");

        if (error is { } e)
        {
            e.Message.ShouldNotBeNullOrWhiteSpace();
            e.Offset.ShouldBeInRange(0, Math.Max(selector.Length - 1, 0));
            (e.Offset + e.Length).ShouldBeLessThanOrEqualTo(selector.Length);
            e.Length.ShouldBeGreaterThanOrEqualTo(selector.Length == 0 ? 0 : 1);
        }
    }

    [Fact]
    public void Thousands_of_mutated_selectors_get_the_same_verdict()
    {
        var random = new Random(20240611);
        var corpus = SelectorCorpus.All.Select(e => e.Selector).ToArray();
        var disagreements = new List<string>();
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var accepted = 0;
        while (tried.Count < 6000)
        {
            var selector = Mutate(corpus[random.Next(corpus.Length)], corpus, random);
            if (!tried.Add(selector) || KnownExceptions.Contains(selector))
            {
                continue;
            }

            var angleSharp = AngleSharpAccepts(selector);
            var checker = CssSelectorChecker.Check(selector) is null;
            accepted += angleSharp ? 1 : 0;
            if (angleSharp != checker)
            {
                disagreements.Add($"AngleSharp {(angleSharp ? "accepts" : "refuses")}, checker {(checker ? "accepts" : "refuses")}: {Escape(selector)}");
            }
        }

        disagreements.ShouldBeEmpty(string.Join("\n", disagreements));

        // The mutations must exercise both verdicts, or agreement would prove little.
        accepted.ShouldBeInRange(600, tried.Count - 600);
    }

    [Fact]
    public void The_known_exceptions_are_still_exceptions()
    {
        // If AngleSharp or the checker changes so that these agree, drop them from the list.
        foreach (var selector in KnownExceptions)
        {
            (CssSelectorChecker.Check(selector) is null).ShouldNotBe(AngleSharpAccepts(selector), selector);
        }
    }

    internal static bool AngleSharpAccepts(string selector)
    {
        try
        {
            return new CssSelectorParser().ParseSelector(selector) is not null;
        }
        catch (Exception)
        {
            // A selector that makes AngleSharp throw is one the checker must refuse.
            return false;
        }
    }

    private static readonly string[] Fragments =
    [
        " ", ">", "+", "~", ",", "*", "|", "||", ">>", "&", ".", "#", ":", "::", "(", ")", "[", "]", "=", "~=", "|=", "^=",
        "$=", "*=", "!=", "\"", "'", "\\", "-", "_", "n", "2n+1", "-n+3", "odd", "even", " of ", " i]", " s]", "/*x*/",
        ":not(", ":is(", ":where(", ":has(", ":nth-child(", ":nth-of-type(", ":contains(", ":lang(", "::before", ":hover",
        ":hovr", "svg|", "url(", "@", "{", ";", "%", "1", "é", "\t", "\n",
    ];

    internal static string Mutate(string selector, string[] corpus, Random random)
    {
        var text = new StringBuilder(selector);
        for (var step = random.Next(1, 4); step > 0; step--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1 when text.Length > 0:
                    text.Remove(Math.Min(at, text.Length - 1), 1);
                    break;
                case 2 when text.Length > 0:
                    text[Math.Min(at, text.Length - 1)] = Fragments[random.Next(Fragments.Length)][0];
                    break;
                case 3:
                    var other = corpus[random.Next(corpus.Length)];
                    text.Length = at;
                    text.Append(other.AsSpan(random.Next(other.Length + 1)));
                    break;
                default:
                    text.Insert(at, random.Next(3) == 0 ? "\\" + random.Next(0x10FFFF).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + " " : ((char)random.Next(0x21, 0x7F)).ToString());
                    break;
            }
        }

        return text.ToString();
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }
}
