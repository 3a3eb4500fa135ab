namespace DeclarativeScrape.Benchmarks.Generator;

/// <summary>The incremental edits the generator benchmark applies to the synthetic project.</summary>
public enum SourceEdit
{
    /// <summary>A comment and whitespace added inside one page type: the generator must re-parse it and find nothing changed.</summary>
    Cosmetic,

    /// <summary>One selector of one page type changed: that type's extractor file is emitted again, nothing else.</summary>
    Selector,

    /// <summary>A new file without any DeclarativeScrape attribute: nothing of the generator's should run.</summary>
    UnrelatedFile,
}
