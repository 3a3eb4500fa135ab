using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Samples.Model
{
    /// <summary>
    /// A page or item type as the sample check needs it: the generator's own model of its extraction (read by the same
    /// parser), where each property's diagnostics point, and its samples. Compared by value (locations by tree and
    /// span), so an edit elsewhere leaves its check cached.
    /// </summary>
    /// <param name="Model">The generator's model.</param>
    /// <param name="Anchors">Each extracted property's selector argument, by property name.</param>
    /// <param name="Samples">Its <c>[Sample]</c> attributes (none for a nested item type).</param>
    /// <param name="Location">The type's name, for diagnostics about the type.</param>
    internal sealed record CheckedType(ExtractableTypeModel Model, EquatableArray<PropertyAnchor> Anchors, EquatableArray<SampleSpec> Samples, Location Location)
    {
        public string FullName => Model.Type.FullName;

        public Location AnchorOf(string property)
        {
            foreach (var anchor in Anchors)
            {
                if (anchor.Property == property)
                {
                    return anchor.Location;
                }
            }

            return Location;
        }
    }
}
