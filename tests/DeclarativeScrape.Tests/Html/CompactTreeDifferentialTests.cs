using System.Text;
using DeclarativeScrape.Tests.Support;
using Xunit.Abstractions;

namespace DeclarativeScrape.Tests.Html;

/// <summary>
/// The compact parser must build exactly AngleSharp's tree (elements, attributes in order, text) or say why it cannot
/// (<see cref="TreeFallback"/>): on every page of both docs corpora, on thousands of mutations of them (truncated,
/// tags dropped, misnested formatting, stray table content, character references) and on hand-written edge cases.
/// </summary>
public sealed class CompactTreeDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[] Insertions =
    [
        "<b>", "</b>", "<i>", "</i>", "<a href=x>", "</a>", "<p>", "</p>", "<div>", "</div>", "<table>", "</table>", "<tr>", "<td>", "</td>",
        "text", " ", "\n", "&amp;", "&amp", "&notit;", "&#x41;", "&#128;", "&#0;", "&#xD800;", "&lt", "&nbsp;x", "<li>", "</li>", "<ul>",
        "<select><option>x", "</select>", "<option>", "<script>var a = '<!--';</script>", "<style>p{}</style>", "<textarea>a</textarea>",
        "<title>t</title>", "<br>", "</br>", "<img src=a>", "<input type=hidden>", "<h1>", "</h2>", "<form>", "</form>", "<button>",
        "<nobr>", "<font color=red>", "<span class='c d'>", "</span>", "<pre>\n", "<listing>", "<dd>", "<dt>", "<body class=x>", "<html lang=en>",
        "<head>", "</head>", "</body>", "</html>", "<!-- c -->", "<!DOCTYPE html>", "<meta charset=utf-8>", "<base href=/b/>", "<noscript>n</noscript>",
        "<caption>", "<colgroup><col>", "<tbody>", "<th>", "<svg><rect/></svg>", "<template>t</template>", "<iframe>x</iframe>", "<plaintext>",
        "<xmp>a</xmp>", "<a b=\"1\" b=\"2\">", "<p a\"b=1>", "<Div CLASS=Up>", "<hr/>", "</p></p>", "<em><strong>", "</em>", "\r\n", "\r",
    ];

    [Fact]
    public void Every_corpus_page_builds_AngleSharps_tree_or_falls_back()
    {
        var parser = new PageParser();
        var stats = new Stats();
        foreach (var (relative, path) in DocsCorpora.Pages())
        {
            Check(parser, File.ReadAllText(path), null, relative, stats);
            Check(parser, File.ReadAllText(path), ["class", "href", "id"], relative + " (filtered)", stats);
        }

        Report(stats);
        stats.Differences.ShouldBeEmpty();
    }

    [Fact]
    public void Mutated_corpus_pages_build_AngleSharps_tree_or_fall_back()
    {
        var pages = DocsCorpora.Pages();
        var random = new Random(20261207);
        var parser = new PageParser();
        var stats = new Stats();
        var seeds = pages.Count > 0
            ? Enumerable.Range(0, 40).Select(_ => File.ReadAllText(pages[random.Next(pages.Count)].Path)).ToArray()
            : [Seed];
        for (var i = 0; i < 2000; i++)
        {
            var html = Mutate(seeds[random.Next(seeds.Length)], random);
            Check(parser, html, random.Next(3) == 0 ? ["class", "href"] : null, $"mutation {i}", stats, html);
        }

        Report(stats);
        stats.Differences.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("<p>one<p>two<div>three</div>")]
    [InlineData("<ul><li>a<li>b</ul><dl><dt>x<dd>y</dl>")]
    [InlineData("<table><tr><td>a<td>b</table>")]
    [InlineData("<table><caption>c</caption><colgroup><col></colgroup><tbody><tr><th>h</th></tr></tbody></table>")]
    [InlineData("<b>bold <i>both</b> italic</i>")]
    [InlineData("<p><b>x</p><p>y</b>")]
    [InlineData("<a href=1>one<a href=2>two</a>")]
    [InlineData("<table>stray<tr><td>x</td></tr></table>")]
    [InlineData("<select><option>a<option>b<optgroup><option>c</select>")]
    [InlineData("<html><head><title>t</title></head><body><p>x</p></body></html>   ")]
    [InlineData("<!DOCTYPE html><html lang=en><body class=a><body class=b>")]
    [InlineData("x &amp; y &notit; &#128; &#x1F600; &lt &gt; &AMP &copy &nbsp;")]
    [InlineData("<div title='&amp; &notin; &noti'>&#0;</div>")]
    [InlineData("<p>unclosed <b>bold <i>italic")]
    [InlineData("<script>if (a < b) { x = '</div>'; }</script><p>after")]
    [InlineData("<script><!-- <script> </script> --></script><p>x")]
    [InlineData("<textarea>\n<b>not a tag</b></textarea><pre>\n\nx</pre>")]
    [InlineData("<h1>a<h2>b</h1>c")]
    [InlineData("<form><form><input></form>")]
    [InlineData("<button><button>x")]
    [InlineData("<nobr>a<nobr>b")]
    [InlineData("<p><table><tr><td>x</table>")]
    [InlineData("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p><table></table>")]
    [InlineData("<b><b><b><b>four</b></b></b></b>")]
    [InlineData("<svg><circle/></svg><math><mi>x</mi></math>")]
    [InlineData("<template><p>t</p></template>")]
    [InlineData("<frameset><frame></frameset>")]
    [InlineData("a\r\nb\rc\r")]
    [InlineData("<div a=1 a=2 B=3>")]
    [InlineData("</p></br><br/>x")]
    [InlineData("<li>a<li>b")]
    [InlineData("<head><noscript><link></noscript></head><noscript>n</noscript>")]
    [InlineData("<plaintext><b>x</b>")]
    [InlineData("<table><td>a</td></tr><tr>b</table>")]
    [InlineData("<p>a<!-- c -->b</p><p>a<?pi x?>b</p><p>a<!x>b</p><p></ x>b</p><p>a<!---->b<!-->c<!--->d</p>")]
    [InlineData("<!-- before --><html><!-- in --><head><!-- h --></head><!-- between --><body></body><!-- after body --></html><!-- after -->")]
    [InlineData("<!DOCTYPE html><!-- c --><table><!-- t --><tr><!-- r --><td>x</td></tr></table><select><!-- s --><option>o</select>")]
    public void Edge_cases_build_AngleSharps_tree_or_fall_back(string html)
    {
        var stats = new Stats();
        Check(new PageParser(), html, null, "edge case", stats, html);
        Report(stats);
        stats.Differences.ShouldBeEmpty();
    }

    private const string Seed =
        "<!DOCTYPE html><html><head><title>Seed</title><meta charset=utf-8></head><body><div class=a><h1 id=t>Title</h1><p>Some <b>bold</b> and "
        + "<a href='x.html'>a link</a>.</p><ul><li>one</li><li>two</li></ul><table><tr><td>1</td><td>2</td></tr></table></div></body></html>";

    internal static string Mutate(string html, Random random)
    {
        var text = new StringBuilder(html);
        switch (random.Next(4))
        {
            case 0:
                text.Length = random.Next(text.Length + 1);
                break;
            case 1:
                for (var edits = random.Next(1, 8); edits > 0 && text.Length > 0; edits--)
                {
                    var at = text.ToString().IndexOf("</", random.Next(text.Length), StringComparison.Ordinal);
                    if (at >= 0 && text.ToString().IndexOf('>', at) is var end and > 0)
                    {
                        text.Remove(at, end - at + 1);
                    }
                }

                break;
            default:
                for (var edits = random.Next(1, 6); edits > 0; edits--)
                {
                    text.Insert(NearTag(text, random), Insertions[random.Next(Insertions.Length)]);
                }

                break;
        }

        return text.ToString();
    }

    // A position just before a '<' (or anywhere, one time in four), so insertions land between tags.
    private static int NearTag(StringBuilder text, Random random)
    {
        var at = random.Next(text.Length + 1);
        if (random.Next(4) == 0)
        {
            return at;
        }

        var next = text.ToString().IndexOf('<', at);
        return next < 0 ? at : next;
    }

    private static void Check(PageParser parser, string html, IReadOnlyList<string>? attributes, string name, Stats stats, string? source = null)
    {
        var difference = CompactTreeComparison.FirstDifference(parser, html, attributes, out var fallback);
        stats.Pages++;
        stats.Fallbacks[fallback] = stats.Fallbacks.GetValueOrDefault(fallback) + 1;
        if (difference is not null)
        {
            stats.Differences.Add($"{name}: {difference}" + (source is { Length: < 400 } ? "\n  source: " + source : string.Empty));
        }
    }

    private void Report(Stats stats)
    {
        output.WriteLine($"{stats.Pages} pages: " + string.Join(", ", stats.Fallbacks.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        foreach (var difference in stats.Differences.Take(20))
        {
            output.WriteLine(difference);
        }
    }

    private sealed class Stats
    {
        public int Pages { get; set; }

        public Dictionary<TreeFallback, int> Fallbacks { get; } = [];

        public List<string> Differences { get; } = [];
    }
}
