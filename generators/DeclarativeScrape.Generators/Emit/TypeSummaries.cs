using System.Collections.Generic;
using System.Text;
using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>Builds each type's <see cref="TypeSummaryModel"/>: the pre-built piece a crawl plan stitches in.</summary>
    internal static class TypeSummaries
    {
        public static TypeSummaryModel Summarize(ExtractableTypeModel model)
        {
            var follows = new List<string>();
            var nested = new List<string>();
            var schema = new StringBuilder();
            schema.Append(model.IsPage ? "page " : "item ").Append(model.Type.FullName).Append(model.IsPage && model.IsItem ? " item" : string.Empty).Append('\n');
            foreach (var property in model.Properties)
            {
                schema.Append("  ").Append(property.Name)
                    .Append(' ').Append(property.JsonName)
                    .Append(' ').Append(property.Source.ToString())
                    .Append(' ').Append(property.Shape.ToString())
                    .Append(' ').Append(property.Kind.ToString())
                    .Append(' ').Append(property.TypeName);
                if (property.Source == SourceKind.Follow)
                {
                    schema.Append(" -> ").Append(property.TargetTypeName);
                    follows.Add(property.TargetTypeName);
                }
                else if (property.Source == SourceKind.Items)
                {
                    nested.Add(property.TargetTypeName);
                }

                schema.Append('\n');
            }

            return new TypeSummaryModel(model.Type.FullName, model.Type.DisplayName, model.Type.Name, model.IsPage, model.IsItem, follows.ToEquatableArray(), nested.ToEquatableArray(), schema.ToString());
        }
    }
}
