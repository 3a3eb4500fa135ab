namespace DeclarativeScrape;

/// <summary>
/// The admission rule of every store, for a candidate that passed <see cref="FrontierPolicy"/>, in this order:
/// <see cref="SkipReason.Duplicate"/> when its canonical URL was admitted before (by this run, by an earlier run of the
/// state, or by another worker of a shared crawl); <see cref="SkipReason.MaxPages"/> when <see cref="LimitOptions.MaxPages"/>
/// URLs were admitted already; else it is admitted, and the store queues it in its host's queue by its rank (<see cref="FrontierOrder"/>). A URL refused
/// for <see cref="SkipReason.MaxPages"/> is not remembered as seen: found again, it is refused for the same reason.
/// </summary>
/// <remarks>
/// The store owns the seen set and the queues (<see cref="IFrontierSet"/>); this owns the rule, the order of the checks,
/// the messages and the count the limit applies to. Not thread-safe: the store calls it under its lock or on its thread.
/// </remarks>
internal sealed class AdmissionPolicy(int maxPages, long admitted = 0)
{
    /// <summary>URLs admitted so far (unique canonical URLs, start URLs included): what <see cref="LimitOptions.MaxPages"/> bounds.</summary>
    /// <remarks>A store that rolls a group of admissions back, or counts across processes, sets it.</remarks>
    public long Admitted { get; set; } = admitted;

    /// <summary>Decides every candidate of <paramref name="candidates"/> that has no verdict yet, writing the verdict back.</summary>
    /// <param name="candidates">The candidates; those already skipped by <see cref="FrontierPolicy"/> are left as they are.</param>
    /// <param name="frontier">The store's seen set and queues: admitted candidates are added to it, in order.</param>
    /// <remarks>
    /// When <see cref="LimitOptions.MaxPages"/> may refuse some of them and their ranks differ, they are decided lowest
    /// rank first (<see cref="FrontierOrder"/>: under <see cref="CrawlOrder.ItemsFirst"/>, the item pages of a listing
    /// before its other links), each rank in the order given.
    /// </remarks>
    public void Admit(List<FrontierCandidate> candidates, IFrontierSet frontier)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates);
        if (maxPages > 0 && Admitted + span.Length > maxPages && RanksDiffer(span))
        {
            var order = new (int Rank, int Index)[span.Length];
            for (var i = 0; i < span.Length; i++)
            {
                order[i] = (span[i].Rank, i);
            }

            Array.Sort(order);
            foreach (var (_, index) in order)
            {
                Decide(ref span[index], frontier);
            }

            return;
        }

        for (var i = 0; i < span.Length; i++)
        {
            Decide(ref span[i], frontier);
        }
    }

    /// <summary>
    /// An admitted candidate turned out to be a duplicate after all: another worker admitted the same URL between this
    /// store's look at its seen set and its insert. It is skipped as <see cref="SkipReason.Duplicate"/>, uncounted.
    /// </summary>
    public void AdmittedElsewhere(ref FrontierCandidate candidate)
    {
        candidate.Skip = SkipReason.Duplicate;
        Admitted--;
    }

    private static bool RanksDiffer(Span<FrontierCandidate> candidates)
    {
        for (var i = 1; i < candidates.Length; i++)
        {
            if (candidates[i].Rank != candidates[0].Rank)
            {
                return true;
            }
        }

        return false;
    }

    private void Decide(ref FrontierCandidate candidate, IFrontierSet frontier)
    {
        if (candidate.Skip != SkipReason.None)
        {
            return;
        }

        if (frontier.Contains(candidate))
        {
            candidate.Skip = SkipReason.Duplicate;
        }
        else if (maxPages > 0 && Admitted >= maxPages)
        {
            candidate.Skip = SkipReason.MaxPages;
            candidate.Message = $"Limits.MaxPages ({maxPages}) reached";
        }
        else
        {
            frontier.Add(candidate);
            Admitted++;
        }
    }
}
