namespace DeclarativeScrape;

/// <summary>
/// A page type's compact path, decided once per parse worker: the model of its selectors, the attribute filter, and
/// the selectors it was built for, which every <see cref="SelectorSet"/> its extractor matches must be among
/// (<see cref="Covers"/>). Not thread-safe: one per worker.
/// </summary>
internal sealed class CompactPlan
{
    private readonly HashSet<string> _selectorTexts = new(StringComparer.Ordinal);
    private readonly HashSet<SelectorSet> _covered = new(ReferenceEqualityComparer.Instance);

    public CompactPlan(PruneSelectors selectors, IReadOnlyList<string> selectorTexts, AttributeFilter? filter)
    {
        Selectors = selectors;
        Filter = filter;
        foreach (var text in selectorTexts)
        {
            _selectorTexts.Add(ExtractionSelectors.Parse(text).Text);
        }

        Guard = set =>
        {
            if (!Covers(set))
            {
                throw new SelectorNotInPlanException();
            }
        };
    }

    /// <summary>
    /// <see cref="ExtractionQuery.SetGuard"/> while an extractor runs on a document built for this plan: throws
    /// <see cref="SelectorNotInPlanException"/> for a set it does not <see cref="Covers"/>.
    /// </summary>
    public Action<SelectorSet> Guard { get; }

    /// <summary>What the pruned document keeps.</summary>
    public PruneSelectors Selectors { get; }

    /// <summary>The attributes kept, or <see langword="null"/> for all.</summary>
    public AttributeFilter? Filter { get; }

    /// <summary>Whether every selector of <paramref name="set"/> is one the plan was built for (remembered per set).</summary>
    public bool Covers(SelectorSet set)
    {
        if (_covered.Contains(set))
        {
            return true;
        }

        foreach (var query in set.Queries)
        {
            if (!_selectorTexts.Contains(query.Selector.Text))
            {
                return false;
            }
        }

        _covered.Add(set);
        return true;
    }
}
