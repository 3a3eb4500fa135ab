namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary>
/// The tests that run examples as processes, one at a time: each child crawls with several threads of its own, and
/// the machine is small.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ExampleProcesses
{
    public const string Name = "Example processes";
}
