namespace DeclarativeScrape;

/// <summary>A queued URL taken for fetching: it stays the store's until completed (or released when the run stops).</summary>
/// <param name="Id">The store's id of the URL.</param>
/// <param name="Url">The canonical URL.</param>
/// <param name="Host">The authority it is queued under.</param>
/// <param name="PageType">The index of its page type in the plan.</param>
/// <param name="Depth">Links followed from a start URL.</param>
/// <param name="Carried">The values the link to it carried (<see cref="FollowAttribute.Carry"/>), if any.</param>
/// <param name="Rank">Its rank in its host's queue (<see cref="FrontierOrder"/>): lower ranks are leased first, then lower ids.</param>
internal readonly record struct FrontierLease(long Id, Uri Url, string Host, int PageType, int Depth, CarriedValues? Carried = null, int Rank = 0)
{
    /// <summary>Orders leases as a host's queue is taken: by <see cref="Rank"/>, then by <see cref="Id"/>.</summary>
    public static IComparer<FrontierLease> QueueOrder { get; } = Comparer<FrontierLease>.Create(static (a, b) =>
        a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Id.CompareTo(b.Id));
}
