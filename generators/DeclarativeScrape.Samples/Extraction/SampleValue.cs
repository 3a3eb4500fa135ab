using System.Collections.Generic;
using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Samples.Extraction
{
    /// <summary>A value extracted from a sample, as the generated extractor would hold it: compared with an expected-values file.</summary>
    internal sealed class SampleValue
    {
        private SampleValue(SampleValueKind kind, object? scalar, List<SampleValue>? items, List<KeyValuePair<PropertyModel, SampleValue>>? members)
        {
            Kind = kind;
            Scalar = scalar;
            Items = items ?? new List<SampleValue>();
            Members = members ?? new List<KeyValuePair<PropertyModel, SampleValue>>();
        }

        public static SampleValue Null { get; } = new(SampleValueKind.Null, null, null, null);

        public SampleValueKind Kind { get; }

        /// <summary>
        /// A scalar: <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>,
        /// <see cref="double"/>, <see cref="bool"/>, <see cref="System.DateTime"/>, <see cref="System.DateTimeOffset"/>,
        /// <see cref="System.Uri"/> (also a link's URL), or an enum member's name.
        /// </summary>
        public object? Scalar { get; }

        public List<SampleValue> Items { get; }

        public List<KeyValuePair<PropertyModel, SampleValue>> Members { get; }

        public static SampleValue Of(object value) => new(SampleValueKind.Scalar, value, null, null);

        /// <summary>A value only the property's <c>[Convert]</c> method could make: the text it would get, not checked further.</summary>
        public static SampleValue Unchecked(string text) => new(SampleValueKind.Unchecked, text, null, null);

        public static SampleValue List(List<SampleValue> items) => new(SampleValueKind.List, null, items, null);

        public static SampleValue Object(List<KeyValuePair<PropertyModel, SampleValue>> members) => new(SampleValueKind.Object, null, null, members);
    }
}
