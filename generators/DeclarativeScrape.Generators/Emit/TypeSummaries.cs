using System;
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
            var attributes = new SortedSet<string>(StringComparer.Ordinal);
            var readsAll = false;
            var selectors = new SortedSet<string>(StringComparer.Ordinal);
            schema.Append(model.IsPage ? "page " : "item ").Append(model.Type.FullName).Append(model.IsPage && model.IsItem ? " item" : string.Empty).Append('\n');
            foreach (var property in model.Properties)
            {
                schema.Append("  ").Append(property.Name)
                    .Append(' ').Append(property.JsonName)
                    .Append(' ').Append(property.Source.ToString())
                    .Append(' ').Append(property.Shape.ToString())
                    .Append(' ').Append(property.Kind.ToString())
                    .Append(' ').Append(property.TypeName);
                if (model.IsItem && !property.IsWritten)
                {
                    schema.Append(" unwritten");
                }

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
                readsAll |= !CollectAttributes(property, attributes);
                if (PropertyExtractionEmitter.IsQueried(property))
                {
                    selectors.Add(property.Selector!.Text);
                }
                else if (model.IsPage && property.Selector is { IsScope: true })
                {
                    // A page's :scope is its <html>, read whole: the same element as :root.
                    selectors.Add(":root");
                }
            }

            foreach (var links in model.FollowLinks)
            {
                schema.Append("  [FollowLinks] -> ").Append(links.TargetTypeName).Append('\n');
                follows.Add(links.TargetTypeName);
                attributes.Add(links.AttributeName.ToLowerInvariant());
                attributes.UnionWith(links.Selector.Attributes);
                readsAll |= links.Selector.ReadsAnyAttribute;
                selectors.Add(links.Selector.Text);
            }

            return new TypeSummaryModel(model.Type.FullName, model.Type.DisplayName, model.Type.Name, model.IsPage, model.IsItem, follows.ToEquatableArray(), nested.ToEquatableArray(), schema.ToString(),
                readsAll ? EquatableArray<string>.Empty : attributes.ToEquatableArray(), readsAll, model.HasErrors, model.IsGenerated, model.Render)
            {
                Selectors = selectors.ToEquatableArray(),
                Headers = model.Headers,
            };
        }

        /// <summary>Adds the attributes <paramref name="property"/> reads; <see langword="false"/> when it may read any.</summary>
        private static bool CollectAttributes(PropertyModel property, ISet<string> attributes)
        {
            if (property.Source is SourceKind.Html or SourceKind.OuterHtml)
            {
                return false;
            }

            if (property.AttributeName is { } name && property.Source is SourceKind.Attr or SourceKind.Follow)
            {
                attributes.Add(name.ToLowerInvariant());
            }

            if (property.Selector is not { } selector)
            {
                return true;
            }

            attributes.UnionWith(selector.Attributes);
            return !selector.ReadsAnyAttribute;
        }
    }
}
