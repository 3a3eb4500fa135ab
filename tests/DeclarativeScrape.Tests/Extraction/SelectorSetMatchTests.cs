using AngleSharp.Css;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using DeclarativeScrape.Tests.Selectors;

namespace DeclarativeScrape.Tests.Extraction;

/// <summary>
/// <see cref="ExtractionQuery.Match"/> walks once for a whole <see cref="SelectorSet"/> and skips elements by the name
/// the selector requires; it must find exactly what one <see cref="ExtractionQuery.First"/> or
/// <see cref="ExtractionQuery.All"/> walk per selector finds, for every selector AngleSharp accepts.
/// </summary>
public sealed class SelectorSetMatchTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en"><head><title>T</title><base href="/base/"><style>p { color: red }</style></head>
        <BODY id="top" class="default Page">
          <header class="header"><div class="h1"><a href="/">Home</a></div>
            <nav><ul><li class="first"><a href="/a">A</a></li><li><a href="/b" rel="next">B</a></li><li class="last"><a href="/c">C</a></li></ul></nav></header>
          <ul class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/books">Books</a></li><li><a href="/cat">Poetry</a></li><li class="active">A Title</li></ul>
          <div id="main" class="container a b c" data-id="42" data-kind="product page">
            <article class="product_page">
              <div class="col-sm-6 product_main"><h1>A Title</h1><p class="price_color">£51.77</p>
                <p class="instock availability"><i class="icon-ok"></i> In stock (12 available)</p>
                <p class="star-rating Three"><i></i><i></i></p><P Class="Upper">Shouting</P></div>
              <div class="item active"><img src="cover.jpg" alt="Cover" width="10"></div>
              <table class="table table-striped data"><tr><th>UPC</th><td>abc</td></tr><tr><th>Type</th><td>Books</td></tr>
                <tr><th>Tax</th><td>£0.00</td></tr><tr><th>Reviews</th><td>3</td></tr></table>
              <h2 id="description">Description</h2><p lang="en-GB">First <em>para</em>.</p><p>Second.</p><h3>Sub</h3><p>Third</p>
              <section id="reviews"><article class="review featured"><h3>Great</h3><span class="author">Ann</span><time datetime="2024-05-01">1 May</time>
                <div class="review-text"><p>Good.</p></div><a class="permalink" href="#r1">link</a></article>
                <article class="review"><h3>Bad</h3><span class="author">Bo</span><time datetime="2024-05-02">2 May</time><div class="review-text"><p>No.</p></div></article>
                <article class="review"><h3></h3><span class="author"></span></article></section>
              <form action="/basket" method="post"><input type="text" name="q" disabled><input type="checkbox" checked><select><option selected>1</option><option>2</option></select>
                <button type="submit">Add</button><textarea></textarea></form>
              <ol><li>1</li><li>2</li><li>3</li><li>4</li><li>5</li><li>6</li><li>7</li></ol>
              <svg width="10" height="10"><linearGradient id="g"></linearGradient><rect x="1"></rect><foreignObject><p>in svg</p></foreignObject></svg>
              <my-widget data-x="1"><span>custom</span></my-widget>
              <dl><dt>Term</dt><dd>Definition</dd></dl><blockquote cite="x"><p>Quote</p></blockquote><p></p><div> </div>
            </article>
          </div>
          <footer><ul class="footer-links"><li><a href="mailto:x@example.com">Contact</a></li><li><a href="#top">Top</a></li></ul></footer>
          <script>var s = '<a href="/basket/">basket</a>';</script>
        </BODY></html>
        """;

    private static readonly IDocument Document = ExtractionDocument.ParseHtml(Page);

    public static TheoryData<int> ValidLines
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var entry in SelectorCorpus.All.Where(e => e.Valid))
            {
                data.Add(entry.Line);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ValidLines))]
    public void Each_corpus_selector_finds_what_a_walk_of_its_own_finds(int line)
    {
        var selector = ExtractionSelectors.Parse(SelectorCorpus.All.Single(e => e.Line == line).Selector);

        foreach (var scope in Scopes())
        {
            AssertSameAsOwnWalks(scope, [selector]);
        }
    }

    [Fact]
    public void The_whole_corpus_in_one_set_finds_what_each_selector_finds_alone()
    {
        var selectors = SelectorCorpus.All.Where(e => e.Valid).Select(e => ExtractionSelectors.Parse(e.Selector)).ToArray();

        foreach (var scope in Scopes())
        {
            AssertSameAsOwnWalks(scope, selectors);
        }
    }

    [Fact]
    public void Thousands_of_mutated_selectors_find_what_their_own_walks_find()
    {
        var random = new Random(20261122);
        var corpus = SelectorCorpus.All.Select(e => e.Selector).ToArray();
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<ISelector>();
        while (valid.Count < 2000 && tried.Count < 20000)
        {
            var text = CssSelectorCorpusTests.Mutate(corpus[random.Next(corpus.Length)], corpus, random);
            if (tried.Add(text) && CssSelectorCorpusTests.AngleSharpAccepts(text))
            {
                valid.Add(ExtractionSelectors.Parse(text));
            }
        }

        valid.Count.ShouldBe(2000);
        foreach (var scope in Scopes())
        {
            foreach (var chunk in valid.Chunk(25))
            {
                AssertSameAsOwnWalks(scope, chunk);
            }
        }
    }

    [Fact]
    public void The_corpus_exercises_both_the_name_shortcut_and_real_matches()
    {
        // Agreement would prove little if no selector had a name, or if nothing matched.
        var selectors = SelectorCorpus.All.Where(e => e.Valid).Select(e => ExtractionSelectors.Parse(e.Selector)).ToArray();

        selectors.Count(s => SelectorSet.ElementNameOf(s) is not null).ShouldBeGreaterThan(100);
        selectors.Count(s => SelectorSet.ElementNameOf(s) is null).ShouldBeGreaterThan(50);
        selectors.Count(s => ExtractionQuery.First(Document, s) is not null).ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("div.product_main h1", "h1")]
    [InlineData("p.price_color", "p")]
    [InlineData("#reviews > article.x:not(.y)", "article")]
    [InlineData("ul.breadcrumb li:nth-child(3) a", "a")]
    [InlineData("a:has(img)", "a")]
    [InlineData("h1 + p", "p")]
    [InlineData("h1 ~ p", "p")]
    [InlineData("svg|rect", "rect")]
    [InlineData("*|h1", "h1")]
    [InlineData("h1, H1", "h1")]
    [InlineData("*", null)]
    [InlineData("&", null)]
    [InlineData("& p", "p")]
    [InlineData("div *", null)]
    [InlineData(".price", null)]
    [InlineData("#reviews", null)]
    [InlineData("[href]", null)]
    [InlineData(":scope > li", "li")]
    [InlineData("h1, h2", null)]
    [InlineData("h1, .title", null)]
    public void A_selector_names_the_element_its_rightmost_compound_requires(string text, string? expected)
    {
        SelectorSet.ElementNameOf(ExtractionSelectors.Parse(text)).ShouldBe(expected, StringCompareShould.IgnoreCase);
    }

    [Fact]
    public void Only_first_queries_stop_the_walk_at_the_last_first_match()
    {
        var elements = Document.All.Length;
        var first = new CountingSelector("main");
        var all = new CountingSelector("main");

        var firstOnly = ExtractionQuery.Match(Document, new SelectorSet(SelectorQuery.First(first)));
        ExtractionQuery.Match(Document, new SelectorSet(SelectorQuery.First(new CountingSelector("nothing")), SelectorQuery.All(all)));

        firstOnly.First(0)!.Id.ShouldBe("main");
        first.Calls.ShouldBeLessThan(elements / 2, "the walk stops once the only first query is found");
        all.Calls.ShouldBe(elements, "an all query sees every element of the document");
    }

    [Fact]
    public void A_query_is_read_the_way_it_was_asked()
    {
        var set = new SelectorSet(SelectorQuery.First(ExtractionSelectors.Parse("h1")), SelectorQuery.All(ExtractionSelectors.Parse("article.review")));

        var matches = ExtractionQuery.Match(Document, set);

        matches.First(0)!.TextContent.ShouldBe("A Title");
        matches.All(1).Length.ShouldBe(3);
        Should.Throw<InvalidOperationException>(() => { _ = matches.All(0).Length; }).Message.ShouldContain("First(0)");
        Should.Throw<InvalidOperationException>(() => matches.First(1)).Message.ShouldContain("All(1)");
        Should.Throw<ArgumentException>(() => new SelectorSet(default(SelectorQuery)));
    }

    [Fact]
    public void A_nested_item_scope_excludes_itself_and_its_outside()
    {
        var review = Document.QuerySelector("#reviews article")!;
        var set = new SelectorSet(SelectorQuery.All(ExtractionSelectors.Parse("article, span.author")), SelectorQuery.First(ExtractionSelectors.Parse(":scope > h3")));

        var matches = ExtractionQuery.Match(review, set);

        matches.All(0).ToArray().Select(e => e.TextContent).ShouldBe(["Ann"]);
        matches.First(1)!.TextContent.ShouldBe("Great");
    }

    [Fact]
    public void A_page_nested_thousands_deep_is_walked_without_recursion()
    {
        const int depth = 20_000;
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + "<p class=\"deep\">bottom</p>" + string.Concat(Enumerable.Repeat("</div>", depth));
        using var document = ExtractionDocument.ParseHtml(html);
        var set = new SelectorSet(SelectorQuery.First(ExtractionSelectors.Parse("p.deep")), SelectorQuery.All(ExtractionSelectors.Parse("div")));

        var matches = ExtractionQuery.Match(document, set);

        matches.First(0)!.TextContent.ShouldBe("bottom");
        matches.All(1).Length.ShouldBe(depth);
        ExtractionQuery.Match(Document, new SelectorSet(SelectorQuery.First(ExtractionSelectors.Parse("h1")))).First(0)!.TextContent.ShouldBe("A Title");
    }

    private static IEnumerable<IParentNode> Scopes()
    {
        yield return Document;
        yield return Document.QuerySelector("article.product_page")!;
        yield return Document.QuerySelector("#reviews article")!;
    }

    // Matches the set with every selector as a first and as an all query, and compares with one walk per selector.
    private static void AssertSameAsOwnWalks(IParentNode scope, IReadOnlyList<ISelector> selectors)
    {
        var queries = new List<SelectorQuery>();
        foreach (var selector in selectors)
        {
            queries.Add(SelectorQuery.First(selector));
            queries.Add(SelectorQuery.All(selector));
        }

        var matches = ExtractionQuery.Match(scope, new SelectorSet([.. queries]));

        for (var i = 0; i < selectors.Count; i++)
        {
            var text = selectors[i].Text;
            matches.First(2 * i).ShouldBeSameAs(ExtractionQuery.First(scope, selectors[i]), $"first of '{text}'");
            matches.All(2 * i + 1).ToArray().ShouldBe([.. ExtractionQuery.All(scope, selectors[i])], $"all of '{text}'");
        }
    }

    private sealed class CountingSelector(string id) : ISelector
    {
        public int Calls { get; private set; }

        public string Text => "#" + id;

        public Priority Specificity => Priority.OneId;

        public void Accept(ISelectorVisitor visitor) => visitor.Id(id);

        public bool Match(IElement element, IElement? scope)
        {
            Calls++;
            return element.Id == id;
        }
    }
}
