using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Samples.Model;

namespace DeclarativeScrape.Samples.Extraction
{
    /// <summary>A failure the extraction of a sample recorded, with the type and property it belongs to.</summary>
    /// <param name="Type">The page or nested item type.</param>
    /// <param name="Property">The property.</param>
    /// <param name="Failure">The failure, as the crawl would record it (path, selector, message).</param>
    /// <param name="Scope">The document or element the property's selector ran in, for hints.</param>
    internal sealed record SampleFailure(CheckedType Type, PropertyModel Property, ExtractionFailure Failure, AngleSharp.Dom.IParentNode Scope);
}
