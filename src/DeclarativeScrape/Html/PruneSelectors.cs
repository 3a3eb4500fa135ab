using AngleSharp.Css;
using AngleSharp.Css.Dom;

namespace DeclarativeScrape;

/// <summary>
/// What the compact path needs of a page type's selectors: for each, the element names, ids and classes its subject
/// (rightmost compound) requires, so that a page can be built with only the elements that may match (their subtrees
/// and their ancestors) and still match exactly as the whole page does. Only selectors whose match depends on nothing
/// but the element, its attributes, its ancestors, its position among its siblings and its own content are accepted:
/// type, universal, id, class and attribute selectors, the descendant and child combinators, <c>:root</c>,
/// <c>:scope</c>, the structural pseudo-classes (<c>:first-child</c>, <c>:nth-child()</c>, <c>:nth-of-type()</c>…),
/// <c>:contains()</c> and <c>:has()</c> of a selector that looks only below the element (a compound with either is kept
/// whole: left of the subject, it is what the page is pruned by). Anything else (sibling combinators, <c>:not()</c>,
/// <c>:is()</c>, <c>:empty</c>, pseudo-elements, states) makes the whole page type use AngleSharp's full parse: decided
/// once, when the plan is first used.
/// </summary>
internal sealed class PruneSelectors
{
    private static readonly HashSet<string> PlainPseudoClasses = new(StringComparer.OrdinalIgnoreCase) { "root", "scope" };

    private static readonly HashSet<string> StructuralPseudoClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "first-child", "last-child", "only-child", "first-of-type", "last-of-type", "only-of-type",
        "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type",
    };

    private readonly Subject[] _subjects;

    // The element names a structural compound requires; null when one requires none (it may test any element).
    private readonly HashSet<string>? _structuralNames;

    private PruneSelectors(Subject[] subjects, bool structural)
    {
        _subjects = subjects;
        IsStructural = structural;
        _structuralNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var subject in subjects)
        {
            foreach (var compound in subject.Left.Select(static l => l.Compound).Prepend(subject))
            {
                if (!compound.Structural)
                {
                    continue;
                }

                if (compound.Name is null)
                {
                    _structuralNames = null;
                    return;
                }

                _structuralNames.Add(compound.Name);
            }
        }
    }

    /// <summary>Whether a selector counts siblings: the siblings of a kept element it may test are then kept (without their content).</summary>
    public bool IsStructural { get; }

    /// <summary>
    /// Whether a structural compound (one that counts siblings) may test an element named <paramref name="localName"/>:
    /// the element's siblings must then be in the built document for the count to be the same.
    /// </summary>
    public bool CountsSiblingsOf(string localName) => IsStructural && (_structuralNames is null || _structuralNames.Contains(localName));

    /// <summary>The model of <paramref name="selectors"/>, or <see langword="null"/> when one of them is not supported here.</summary>
    public static PruneSelectors? TryCreate(IReadOnlyList<string> selectors)
    {
        var subjects = new List<Subject>();
        var structural = false;
        foreach (var text in selectors)
        {
            if (Visit(text) is not { Supported: true, Subjects.Count: > 0 } visitor)
            {
                return null;
            }

            subjects.AddRange(visitor.Subjects);
            structural |= visitor.Structural;
        }

        return new PruneSelectors([.. subjects], structural);
    }

    // The visitor after visiting the selector of text; null when it does not parse or cannot be visited.
    private static Visitor? Visit(string text)
    {
        var selector = ExtractionSelectors.Parse(text);
        if (selector is InvalidSelector)
        {
            return null;
        }

        var visitor = new Visitor();
        try
        {
            selector.Accept(visitor);
        }
        catch (Exception exception) when (exception is NotImplementedException or NotSupportedException)
        {
            return null;
        }

        return visitor;
    }

    /// <summary>
    /// Whether some selector's subject may match <paramref name="element"/>: its name, id and classes allow it (compared
    /// ASCII case-insensitively, so a superset of what any document mode matches). Other conditions are left to
    /// AngleSharp's matcher on the built document.
    /// </summary>
    public bool MayMatch(PageTree tree, int element, int idName, int className)
    {
        foreach (var subject in _subjects)
        {
            if (CompoundMayMatch(subject, tree, element, idName, className) && LeftMayMatch(subject, 0, tree, element, idName, className))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the compounds left of the subject (from the k-th, right to left) may match ancestors of element as their
    // combinators require; every way is tried for a descendant combinator, so this never misses a possible match.
    private static bool LeftMayMatch(Subject subject, int k, PageTree tree, int element, int idName, int className)
    {
        if (k == subject.Left.Count)
        {
            return true;
        }

        var (compound, child) = subject.Left[k];
        for (var ancestor = tree[element].Parent; ancestor >= 0 && tree.IsElement(ancestor); ancestor = tree[ancestor].Parent)
        {
            if (CompoundMayMatch(compound, tree, ancestor, idName, className) && LeftMayMatch(subject, k + 1, tree, ancestor, idName, className))
            {
                return true;
            }

            if (child)
            {
                return false;
            }
        }

        return false;
    }

    private static bool CompoundMayMatch(Subject compound, PageTree tree, int element, int idName, int className)
    {
        if (compound.Name is { } name && !string.Equals(name, tree.LocalName(element), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (compound.Id is { } id && !(tree.TryGetAttribute(element, idName, out var value) && value.Equals(id, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return compound.Classes is not { } classes || HasClasses(tree, element, className, classes);
    }

    private static bool HasClasses(PageTree tree, int element, int className, List<string> classes)
    {
        if (!tree.TryGetAttribute(element, className, out var value))
        {
            return false;
        }

        foreach (var wanted in classes)
        {
            var found = false;
            foreach (var range in value.SplitAny(" \t\n\f\r"))
            {
                if (value[range].Equals(wanted, StringComparison.OrdinalIgnoreCase))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What a compound requires: an element name (<see langword="null"/> for any), an id, classes; for a subject, the
    /// compounds left of it, right to left, each with whether its combinator is the child combinator.
    /// </summary>
    private sealed class Subject
    {
        public List<(Subject Compound, bool Child)> Left { get; } = [];

        public string? Name { get; set; }

        public string? Id { get; set; }

        public List<string>? Classes { get; set; }

        /// <summary>Whether the compound has a structural pseudo-class (it counts its element's siblings).</summary>
        public bool Structural { get; set; }

        /// <summary>Whether the compound reads its element's content (<c>:has()</c>, <c>:contains()</c>): the element is then kept whole.</summary>
        public bool ReadsContent { get; set; }
    }

    // Visits one selector. A list gives one subject per branch; a complex selector's subject is its last compound;
    // parts left of a combinator are only checked for support. Anything not listed here is unsupported.
    private sealed class Visitor : ISelectorVisitor
    {
        private Subject? _current;

        public List<Subject> Subjects { get; } = [];

        public bool Supported { get; private set; } = true;

        public bool Structural { get; private set; }

        // Whether a compound left of a combinator reads its element's content.
        private bool ReadsContentLeft { get; set; }

        void ISelectorVisitor.List(IEnumerable<ISelector> selectors)
        {
            foreach (var selector in selectors)
            {
                var before = Subjects.Count;
                selector.Accept(this);
                Supported &= Subjects.Count > before;
            }
        }

        void ISelectorVisitor.Combinator(IEnumerable<ISelector> selectors, IEnumerable<string> symbols)
        {
            foreach (var symbol in symbols)
            {
                if (symbol.Trim() is not ("" or ">"))
                {
                    Supported = false;
                }
            }

            var parts = selectors.ToList();
            var combinators = symbols.Select(static symbol => symbol.Trim() == ">").ToList();
            var compounds = new List<Subject>();
            foreach (var part in parts)
            {
                var visitor = new Visitor();
                part.Accept(visitor);
                Supported &= visitor.Supported && visitor.Subjects.Count == 1 && visitor.Subjects[0].Left.Count == 0;
                Structural |= visitor.Structural;
                if (visitor.Subjects.Count > 0)
                {
                    compounds.Add(visitor.Subjects[0]);
                }
            }

            if (!Supported || compounds.Count != parts.Count || combinators.Count != parts.Count - 1)
            {
                Supported = false;
                return;
            }

            // A compound that reads its element's content (:has(), :contains()) left of the subject: the element it
            // matches is kept whole, with every element to its right in it; it is then what the page is pruned by.
            var last = compounds.FindIndex(static c => c.ReadsContent);
            ReadsContentLeft |= last >= 0 && last < compounds.Count - 1;
            last = last < 0 ? compounds.Count - 1 : last;
            var subject = compounds[last];
            for (var i = last - 1; i >= 0; i--)
            {
                subject.Left.Add((compounds[i], combinators[i]));
            }

            Subjects.Add(subject);
        }

        void ISelectorVisitor.Many(IEnumerable<ISelector> selectors)
        {
            var subject = Begin();
            foreach (var selector in selectors)
            {
                _current = subject;
                selector.Accept(this);
            }

            _current = null;
        }

        void ISelectorVisitor.Type(string name)
        {
            if (name != "*")
            {
                Begin().Name = name;
            }
            else
            {
                Begin();
            }

            _current = null;
        }

        void ISelectorVisitor.Id(string value)
        {
            Begin().Id = value;
            _current = null;
        }

        void ISelectorVisitor.Class(string name)
        {
            (Begin().Classes ??= []).Add(name);
            _current = null;
        }

        void ISelectorVisitor.Attribute(string name, string op, string? value)
        {
            Begin();
            _current = null;
        }

        void ISelectorVisitor.Child(string name, int step, int offset, ISelector selector)
        {
            var compound = Begin();
            _current = null;
            if (!StructuralPseudoClasses.Contains(name))
            {
                Supported = false;
                return;
            }

            Structural = compound.Structural = true;
            var inner = new Visitor();
            selector.Accept(inner);
            Supported &= inner.Supported;
        }

        void ISelectorVisitor.PseudoClass(string name)
        {
            var compound = Begin();
            _current = null;
            if (StructuralPseudoClasses.Contains(name))
            {
                Structural = compound.Structural = true;
            }
            else if (name.StartsWith("contains(", StringComparison.OrdinalIgnoreCase))
            {
                compound.ReadsContent = true;
            }
            else if (name.StartsWith("has(", StringComparison.OrdinalIgnoreCase) && name.EndsWith(')'))
            {
                compound.ReadsContent = true;
                Supported &= IsWithinSubtree(name["has(".Length..^1]);
            }
            else if (!PlainPseudoClasses.Contains(name))
            {
                Supported = false;
            }
        }

        // Whether a :has() argument (AngleSharp writes it as a selector from :scope, e.g. ":scope>th") looks only below
        // the element (descendant and child combinators, no sibling counting), so that keeping the element whole keeps
        // everything it reads. Anything else, or what does not parse, is unsupported.
        // No sibling counting and no content read above the last compound: AngleSharp may match the compounds left of
        // it against ancestors of the element, whose attributes the pruned document keeps but not their content.
        private static bool IsWithinSubtree(string relative) =>
            Visit(relative) is { Supported: true, Structural: false, ReadsContentLeft: false, Subjects.Count: > 0 };

        void ISelectorVisitor.PseudoElement(string name) => Supported = false;

        // The compound being visited, or a new subject for a selector that is a compound of one part.
        private Subject Begin()
        {
            if (_current is { } current)
            {
                return current;
            }

            var subject = new Subject();
            Subjects.Add(subject);
            return subject;
        }
    }
}
