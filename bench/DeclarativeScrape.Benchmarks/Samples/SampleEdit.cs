namespace DeclarativeScrape.Benchmarks.Samples;

/// <summary>The incremental edits the sample-check benchmark applies to the sampled project.</summary>
public enum SampleEdit
{
    /// <summary>A new C# file without any DeclarativeScrape attribute: no check should run.</summary>
    UnrelatedFile,

    /// <summary>One selector of a sampled page type changed: that type is checked again on its (already parsed) sample.</summary>
    ScraperType,

    /// <summary>One sample page changed: that page is parsed again and its type checked on it.</summary>
    Sample,
}
