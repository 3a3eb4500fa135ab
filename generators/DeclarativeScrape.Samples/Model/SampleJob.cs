using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Samples.Model
{
    /// <summary>
    /// Everything one page type's sample check reads: the type, its samples with their parsed pages, and the item types
    /// its <c>[Items]</c> reach. Equal when all are, so editing one sample (or type) re-checks only the types it concerns.
    /// </summary>
    internal sealed record SampleJob(CheckedType Type, EquatableArray<ResolvedSample> Samples, EquatableArray<CheckedType> Nested);
}
