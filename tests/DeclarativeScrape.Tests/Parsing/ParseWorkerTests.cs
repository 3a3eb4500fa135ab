using System.Diagnostics.CodeAnalysis;
using System.Text;
using AngleSharp.Dom;

namespace DeclarativeScrape.Tests.Parsing;

/// <summary>A parse worker builds only the attributes a page type reads, and the same document tree as without.</summary>
public sealed class ParseWorkerTests
{
    private static readonly Uri PageUrl = new("http://127.0.0.1/dir/page.html");

    /// <summary>Markup whose tree depends on an attribute (HTML tree construction rules) or on the runtime's base URL.</summary>
    public static TheoryData<string> AttributeShapedMarkup => new()
    {
        "<table><input type=hidden name=a><tr><td>x</td></tr></table>",
        "<table><input type=text name=a><tr><td>x</td></tr></table>",
        "<svg><font color=red>x</font></svg><p>after</p>",
        "<math><mi><font face=serif>x</font></mi></math>",
        "<svg><font size=2>x</font></svg>",
        "<svg><font>x</font></svg>",
        "<math><annotation-xml encoding='text/html'><div>x</div></annotation-xml></math>",
        "<math><annotation-xml encoding='application/xhtml+xml'><p>x</p></annotation-xml></math>",
        "<div><template shadowrootmode=open><p>x</p></template></div>",
        "<meta charset=windows-1252><p>caf\u00e9</p>",
        "<head><base href='/other/'></head><body><a href=x>x</a></body>",
    };

    [Theory]
    [MemberData(nameof(AttributeShapedMarkup))]
    public void A_page_type_that_reads_no_attribute_gets_the_same_tree_and_base_url(string markup)
    {
        var filtered = Parse(markup, readAttributes: []);
        var full = Parse(markup, readAttributes: null);

        filtered.Shape.ShouldBe(full.Shape);
        filtered.BaseUrl.ShouldBe(full.BaseUrl);
    }

    /// <summary>Pages with and without a usable base URL, and the base URL a browser (and the runtime) gives each.</summary>
    public static TheoryData<string, string> BaseUrls => new()
    {
        { "<p>no base</p>", "http://127.0.0.1/dir/page.html" },
        { "<head><base href='/other/'></head>", "http://127.0.0.1/other/" },
        { "<head><base href='sub/'></head>", "http://127.0.0.1/dir/sub/" },
        { "<head><base href='  https://cdn.example/x/  '></head>", "https://cdn.example/x/" },
        { "<head><base href=''></head>", "http://127.0.0.1/dir/page.html" },
        { "<head><base target=_blank><base href='/second/'></head>", "http://127.0.0.1/second/" },
        { "<head><base href='/first/'><base href='/second/'></head>", "http://127.0.0.1/first/" },
        { "<head><noscript><base href='/in-noscript/'></noscript><base href='/later/'></head>", "http://127.0.0.1/in-noscript/" },
        { "<body><p>x</p><base href='/in-body/'></body>", "http://127.0.0.1/in-body/" },
        { "<head><base href='javascript:alert(1)'></head>", "http://127.0.0.1/dir/page.html" },
        { "<head><base href='ftp://files.example/'></head>", "http://127.0.0.1/dir/page.html" },
        { "<head><base href='http://[bad'></head>", "http://127.0.0.1/dir/page.html" },
        { "<svg><base href='/svg/'></base></svg>", "http://127.0.0.1/dir/page.html" },
    };

    [Theory]
    [MemberData(nameof(BaseUrls))]
    public void The_crawl_and_Parse_on_a_saved_page_find_the_same_base_url(string markup, string expected)
    {
        var crawl = Parse(markup, readAttributes: []).BaseUrl;
        using var document = ExtractionDocument.ParseHtml(markup);
        var saved = ExtractionDocument.FindBaseUrl(document, PageUrl);

        crawl.AbsoluteUri.ShouldBe(expected);
        saved.AbsoluteUri.ShouldBe(expected);
    }

    [Fact]
    public void Only_the_attributes_read_are_built_whatever_their_case()
    {
        var parsed = Parse("<p CLASS='a' Data-X='1' style='color:red' onclick='f()'>x</p>", readAttributes: ["class", "DATA-X"]);

        parsed.Tree.ShouldContain("p[class=a data-x=1]");
        parsed.Tree.ShouldNotContain("style");
        parsed.Tree.ShouldNotContain("onclick");
    }

    [Fact]
    public void A_page_type_without_a_list_keeps_every_attribute()
    {
        var parsed = Parse("<p class='a' style='color:red'>x</p>", readAttributes: null);

        parsed.Tree.ShouldContain("p[class=a style=color:red]");
    }

    [Fact]
    public void A_body_in_several_chunks_decodes_as_the_same_bytes_in_one_piece()
    {
        // Two-byte characters across every chunk boundary (the text starts at an odd offset), and a charset from <meta>.
        var markup = "<meta charset=utf-8><p>" + string.Concat(Enumerable.Repeat("\u00e9", 3 * ResponseBody.ChunkSize / 2)) + "</p>";
        var bytes = Encoding.UTF8.GetBytes(markup);
        var chunks = bytes.Chunk(ResponseBody.ChunkSize).Select(c => c.Length == ResponseBody.ChunkSize ? c : [.. c, .. new byte[ResponseBody.ChunkSize - c.Length]]).ToArray();
        using var body = new ResponseBody(chunks, bytes.Length, null, 0);
        body.Bytes.IsSingleSegment.ShouldBeFalse();

        Text(body.Bytes).ShouldBe(Text(new System.Buffers.ReadOnlySequence<byte>(bytes)));
        Text(body.Bytes).ShouldBe(string.Concat(Enumerable.Repeat("\u00e9", 3 * ResponseBody.ChunkSize / 2)));
    }

    private static string Text(System.Buffers.ReadOnlySequence<byte> body)
    {
        string? text = null;
        var pageType = new PageType<string>(
            typeof(ParseWorkerTests),
            "Page",
            (IDocument document, ExtractionContext context, [MaybeNullWhen(false)] out string item) =>
            {
                text = document.QuerySelector("p")?.TextContent;
                item = string.Empty;
                return false;
            },
            isItem: false);

        var extraction = new ParseWorker().Extract(body, contentType: null, PageUrl, pageType);

        extraction.Failed.ShouldBeFalse(extraction.Error);
        return text.ShouldNotBeNull();
    }

    private static (string Tree, string Shape, Uri BaseUrl) Parse(string markup, IReadOnlyList<string>? readAttributes)
    {
        string? tree = null;
        string? shape = null;
        Uri? baseUrl = null;
        var pageType = new PageType<string>(
            typeof(ParseWorkerTests),
            "Page",
            (IDocument document, ExtractionContext context, [MaybeNullWhen(false)] out string item) =>
            {
                tree = Describe(document, attributes: true);
                shape = Describe(document, attributes: false);
                baseUrl = context.BaseUrl;
                item = string.Empty;
                return false;
            },
            isItem: false)
        {
            ReadAttributes = readAttributes,
        };

        var extraction = new ParseWorker().Extract(Encoding.UTF8.GetBytes(markup), "text/html; charset=utf-8", PageUrl, pageType);

        extraction.Failed.ShouldBeFalse(extraction.Error);
        return (tree.ShouldNotBeNull(), shape.ShouldNotBeNull(), baseUrl.ShouldNotBeNull());
    }

    /// <summary>The document tree, one node per line, with or without the elements' attributes.</summary>
    private static string Describe(IDocument document, bool attributes)
    {
        var text = new StringBuilder();
        Describe(document.DocumentElement, 0, attributes, text);
        return text.ToString();
    }

    private static void Describe(INode node, int depth, bool attributes, StringBuilder text)
    {
        text.Append(' ', depth * 2);
        if (node is IElement element)
        {
            text.Append(element.NamespaceUri switch
            {
                "http://www.w3.org/2000/svg" => "svg:",
                "http://www.w3.org/1998/Math/MathML" => "math:",
                _ => string.Empty,
            }).Append(element.LocalName);
            if (attributes && element.Attributes.Length > 0)
            {
                text.Append('[').AppendJoin(' ', element.Attributes.Select(a => a.Name + "=" + a.Value)).Append(']');
            }

            if (element.ShadowRoot is { } shadow)
            {
                text.Append(" shadow:").AppendLine();
                foreach (var child in shadow.ChildNodes)
                {
                    Describe(child, depth + 2, attributes, text);
                }
            }
        }
        else
        {
            text.Append(node.NodeName).Append(' ').Append(node.TextContent);
        }

        text.AppendLine();
        foreach (var child in node.ChildNodes)
        {
            Describe(child, depth + 1, attributes, text);
        }
    }
}
