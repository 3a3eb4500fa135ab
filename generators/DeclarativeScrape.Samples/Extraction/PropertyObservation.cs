using AngleSharp.Dom;

namespace DeclarativeScrape.Samples.Extraction
{
    /// <summary>What one property found in one sample, across every occurrence of its type (nested items included).</summary>
    internal sealed class PropertyObservation
    {
        /// <summary>Whether its selector matched an element (or it reads the scope element, which exists).</summary>
        public bool Matched { get; set; }

        /// <summary>Whether it gave a value (or, for a list, at least one element).</summary>
        public bool Valued { get; set; }

        /// <summary>The links a <c>[Follow]</c> recorded.</summary>
        public int Links { get; set; }

        /// <summary>Why a matched element gave no value, the first time it did not (the crawl's message).</summary>
        public string? Problem { get; set; }

        /// <summary>A scope the property's selector ran in, for hints when it matched nothing.</summary>
        public IParentNode? Scope { get; set; }
    }
}
