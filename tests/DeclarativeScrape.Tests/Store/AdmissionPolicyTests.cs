namespace DeclarativeScrape.Tests;

public sealed class AdmissionPolicyTests
{
    /// <summary>A seen set and queue as simple as can be.</summary>
    private sealed class Frontier : IFrontierSet
    {
        public HashSet<string> Seen { get; } = [];

        public List<string> Queued { get; } = [];

        public bool Contains(in FrontierCandidate candidate) => Seen.Contains(candidate.Url);

        public void Add(in FrontierCandidate candidate)
        {
            Seen.Add(candidate.Url);
            Queued.Add(candidate.Url);
        }
    }

    [Fact]
    public void The_count_the_limit_applies_to_starts_where_a_resumed_state_left_it()
    {
        var policy = new AdmissionPolicy(maxPages: 5, admitted: 4);
        var frontier = new Frontier();
        List<FrontierCandidate> batch = [StateFixture.Candidate("http://a.example/1"), StateFixture.Candidate("http://a.example/2")];

        policy.Admit(batch, frontier);

        batch.Select(c => c.Skip).ShouldBe([SkipReason.None, SkipReason.MaxPages]);
        frontier.Queued.ShouldBe(["http://a.example/1"]);
        policy.Admitted.ShouldBe(5);
    }

    [Fact]
    public void A_url_admitted_by_another_worker_meanwhile_becomes_a_duplicate_and_leaves_the_count()
    {
        var policy = new AdmissionPolicy(maxPages: 0);
        List<FrontierCandidate> batch = [StateFixture.Candidate("http://a.example/1")];
        policy.Admit(batch, new Frontier());
        var candidate = batch[0];

        policy.AdmittedElsewhere(ref candidate);

        candidate.Skip.ShouldBe(SkipReason.Duplicate);
        policy.Admitted.ShouldBe(0);
    }
}
