using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Samples.Model;

namespace DeclarativeScrape.Samples.Checking
{
    /// <summary>A value of a sample that differs from its expected-values file.</summary>
    /// <param name="Type">The type the property belongs to.</param>
    /// <param name="Property">The property.</param>
    /// <param name="Path">Its path in the page's value, for example <c>Reviews[1].Author</c>.</param>
    /// <param name="Actual">What the sample gives, as text.</param>
    /// <param name="Expected">What the file says, as text.</param>
    internal sealed record ValueDifference(CheckedType Type, PropertyModel Property, string Path, string Actual, string Expected);
}
