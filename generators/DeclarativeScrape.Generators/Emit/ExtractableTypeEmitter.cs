using System.Collections.Generic;
using System.Linq;
using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>
    /// Emits the file of one <c>[Page]</c>/<c>[Item]</c> type: <c>IExtractable&lt;T&gt;.Extract</c>, <c>Parse</c>, the
    /// explicit <c>IWritableItem&lt;T&gt;</c> writers of an item, and a file-local class holding the parsed selectors,
    /// compiled patterns, encoded JSON names and enum switches.
    /// </summary>
    internal static class ExtractableTypeEmitter
    {
        private const string CacheNamespace = "DeclarativeScrape.Generated";

        public static GeneratedFile Emit(ExtractableTypeModel model)
        {
            var type = model.Type;
            var cacheName = type.Name.TrimStart('@') + "Extraction";
            var cache = "global::" + CacheNamespace + "." + cacheName;
            var locals = LocalNames(model.Properties);
            var writer = FileFrame.Begin();
            var bases = " : global::DeclarativeScrape.IExtractable<" + type.FullName + ">";
            if (model.IsItem)
            {
                bases += ", global::DeclarativeScrape.Generated.IWritableItem<" + type.FullName + ">";
            }

            FileFrame.OpenType(writer, type, bases);
            EmitExtract(writer, model, cache, locals);
            writer.Line();
            EmitParse(writer, model);
            if (model.IsItem)
            {
                writer.Line();
                ItemWriterEmitter.Emit(writer, model, cache);
            }

            FileFrame.CloseType(writer, type);
            writer.Line();
            EmitCache(writer, model, cacheName, cache);
            return new GeneratedFile(type.HintName + ".g.cs", writer.ToString());
        }

        private static void EmitExtract(CodeWriter writer, ExtractableTypeModel model, string cache, string[] locals)
        {
            var type = model.Type;
            writer.Line("/// <summary>");
            writer.Line("/// Extracts a <see cref=\"" + type.FullName + "\"/> from <paramref name=\"scope\"/> (generated from its attributes).");
            writer.Line("/// Missing or unconvertible required values are recorded in <paramref name=\"context\"/> and give <see langword=\"null\"/>;");
            writer.Line("/// links of <c>[Follow]</c> properties are recorded in <paramref name=\"context\"/> whatever the outcome.");
            writer.Line("/// </summary>");
            writer.Line("/// <param name=\"scope\">The document, or the matched element of a nested item.</param>");
            writer.Line("/// <param name=\"context\">The page URL, and where failures and links are recorded.</param>");
            writer.Line("/// <returns>The extracted value, or <see langword=\"null\"/> when a failure was recorded.</returns>");
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("public static " + type.FullName + "? Extract(global::AngleSharp.Dom.IParentNode scope, global::DeclarativeScrape.ExtractionContext context)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(scope);");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(context);");
            writer.Line("var ok = true;");
            if (HasQueries(model))
            {
                writer.Line("var matches = global::DeclarativeScrape.Generated.ExtractionQuery.Match(scope, " + cache + ".Selectors);");
            }

            if (ReadsScope(model))
            {
                writer.Line("var " + PropertyExtractionEmitter.ScopeElementLocal + " = global::DeclarativeScrape.Generated.ExtractionQuery.ScopeElement(scope);");
            }

            for (var i = 0; i < model.Properties.Count; i++)
            {
                var property = model.Properties[i];
                if (property.Source != SourceKind.Computed)
                {
                    writer.Line();
                    MarkLinks(writer, property.Carry, locals[i], "Start");
                    PropertyExtractionEmitter.Emit(writer, property, locals[i], cache);
                    MarkLinks(writer, property.Carry, locals[i], "End");
                }
            }

            for (var i = 0; i < model.FollowLinks.Count; i++)
            {
                writer.Line();
                MarkLinks(writer, model.FollowLinks[i].Carry, FollowLinksName(i), "Start");
                PropertyExtractionEmitter.EmitFollowLinks(writer, model.FollowLinks[i], i, cache);
                MarkLinks(writer, model.FollowLinks[i].Carry, FollowLinksName(i), "End");
            }

            writer.Line();
            writer.Open("if (!ok)");
            writer.Line("return null;");
            writer.Close();
            writer.Line();
            EmitCarry(writer, model, cache, locals);
            if (!model.Properties.Any(p => p.Source != SourceKind.Computed) && model.UnsetRequired.Count == 0)
            {
                writer.Line("return new " + type.FullName + "();");
            }
            else
            {
                writer.Line("return new " + type.FullName);
                writer.Open(string.Empty);
                for (var i = 0; i < model.Properties.Count; i++)
                {
                    if (model.Properties[i].Source != SourceKind.Computed)
                    {
                        writer.Line(Literals.Identifier(model.Properties[i].Name) + " = " + locals[i] + ",");
                    }
                }

                foreach (var name in model.UnsetRequired)
                {
                    writer.Line(Literals.Identifier(name) + " = default!, // its attribute has an error (reported)");
                }

                writer.Close(";");
            }

            writer.Close();
        }

        private static string FollowLinksName(int index) => "followLinks" + Literals.Int(index);

        // The links a property with Carry records lie between its Start and End counts of context.Links.
        private static void MarkLinks(CodeWriter writer, EquatableArray<string> carry, string local, string which)
        {
            if (carry.Count > 0)
            {
                writer.Line("var " + local + "Links" + which + " = context.Links.Count;");
            }
        }

        // A page that extracted carries the values its links name to the pages they lead to.
        private static void EmitCarry(CodeWriter writer, ExtractableTypeModel model, string cache, string[] locals)
        {
            var carriers = new List<(string Local, string Field, EquatableArray<string> Names)>();
            for (var i = 0; i < model.Properties.Count; i++)
            {
                if (model.Properties[i].Carry.Count > 0)
                {
                    carriers.Add((locals[i], model.Properties[i].Name + "Carry", model.Properties[i].Carry));
                }
            }

            for (var i = 0; i < model.FollowLinks.Count; i++)
            {
                if (model.FollowLinks[i].Carry.Count > 0)
                {
                    carriers.Add((FollowLinksName(i), "FollowLinks" + Literals.Int(i) + "Carry", model.FollowLinks[i].Carry));
                }
            }

            foreach (var (local, field, names) in carriers)
            {
                var values = new List<string>();
                foreach (var name in names)
                {
                    var index = IndexOf(model.Properties, name);
                    values.Add(index < 0 ? "null" : CarriedText(model.Properties[index], locals[index], "c" + Literals.Int(values.Count), cache));
                }

                writer.Open("if (" + local + "LinksEnd > " + local + "LinksStart)");
                writer.Line("context.CarryLinks(" + local + "LinksStart, " + local + "LinksEnd, global::DeclarativeScrape.CarriedValues.Create(" + cache + "." + field + ", new string?[] { " + string.Join(", ", values) + " }));");
                writer.Close();
                writer.Line();
            }
        }

        // The invariant text of a value (its CSV cell), which the receiving page converts back.
        private static string CarriedText(PropertyModel property, string local, string variable, string cache) =>
            property.Shape == ValueShape.Required && property.IsValueType
                ? ValueCode.CsvScalar(property, local, cache)
                : local + " is { } " + variable + " ? " + ValueCode.CsvScalar(property, variable, cache) + " : null";

        private static int IndexOf(EquatableArray<PropertyModel> properties, string name)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                if (properties[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static void EmitParse(CodeWriter writer, ExtractableTypeModel model)
        {
            var type = model.Type;
            writer.Line("/// <summary>Parses <paramref name=\"html\"/> as the page at <paramref name=\"url\"/> and extracts a <see cref=\"" + type.FullName + "\"/>.</summary>");
            writer.Line("/// <param name=\"html\">The page's HTML.</param>");
            writer.Line("/// <param name=\"url\">The page's absolute URL; relative URLs resolve against it, or against its <c>&lt;base href&gt;</c>.</param>");
            writer.Line("/// <returns>The extracted value.</returns>");
            writer.Line("/// <exception cref=\"global::DeclarativeScrape.ExtractionException\">A required value is missing or does not convert; the exception lists every failure.</exception>");
            writer.Line(FileFrame.GeneratedCode);
            writer.Line("public static " + type.FullName + " Parse(string html, global::System.Uri url) =>");
            writer.Line("    global::DeclarativeScrape.ExtractionDocument.Parse<" + type.FullName + ">(html, url);");
        }

        private static void EmitCache(CodeWriter writer, ExtractableTypeModel model, string cacheName, string cache)
        {
            writer.Open("namespace " + CacheNamespace);
            writer.Line("/// <summary>What the extractor of <see cref=\"" + model.Type.FullName + "\"/> builds once: parsed selectors and their set, compiled patterns, JSON names.</summary>");
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("file static class " + cacheName);
            foreach (var property in model.Properties)
            {
                if (PropertyExtractionEmitter.IsQueried(property))
                {
                    writer.Line("internal static readonly global::AngleSharp.Css.Dom.ISelector " + property.Name + "Selector = global::DeclarativeScrape.Generated.ExtractionSelectors.Parse(" + Literals.String(property.Selector!.Text) + ");");
                }

                if (property.Pattern is not null)
                {
                    writer.Line("internal static readonly global::System.Text.RegularExpressions.Regex " + property.Name + "Pattern = global::DeclarativeScrape.Generated.ExtractionText.CreatePattern(" + Literals.String(property.Pattern) + ");");
                }

                if (property.Rules is { } rules)
                {
                    writer.Line("internal static readonly global::DeclarativeScrape.Generated.UrlRules " + property.Name + "Rules = " + RulesCreation(rules) + ";");
                }
            }

            foreach (var property in model.Properties)
            {
                if (property.Carry.Count > 0)
                {
                    writer.Line("internal static readonly string[] " + property.Name + "Carry = " + Literals.StringArray(property.Carry) + ";");
                }
            }

            for (var i = 0; i < model.FollowLinks.Count; i++)
            {
                var links = model.FollowLinks[i];
                if (links.Carry.Count > 0)
                {
                    writer.Line("internal static readonly string[] FollowLinks" + Literals.Int(i) + "Carry = " + Literals.StringArray(links.Carry) + ";");
                }

                writer.Line("internal static readonly global::AngleSharp.Css.Dom.ISelector FollowLinks" + Literals.Int(i) + "Selector = global::DeclarativeScrape.Generated.ExtractionSelectors.Parse(" + Literals.String(links.Selector.Text) + ");");
                if (links.Rules is { } rules)
                {
                    writer.Line("internal static readonly global::DeclarativeScrape.Generated.UrlRules FollowLinks" + Literals.Int(i) + "Rules = " + RulesCreation(rules) + ";");
                }
            }

            if (HasQueries(model))
            {
                EmitSelectorSet(writer, model);
            }

            if (model.IsItem)
            {
                writer.Line();
                foreach (var property in ItemWriterEmitter.Written(model))
                {
                    writer.Line("internal static readonly global::System.Text.Json.JsonEncodedText " + property.Name + "Name = global::System.Text.Json.JsonEncodedText.Encode(" + Literals.String(property.JsonName) + ");");
                }

                writer.Line();
                writer.Line("internal static readonly string[] CsvHeader = new string[]");
                writer.Open(string.Empty);
                foreach (var property in ItemWriterEmitter.Written(model))
                {
                    writer.Line(Literals.String(property.JsonName) + ",");
                }

                writer.Close(";");
            }

            foreach (var enumModel in model.Enums)
            {
                EmitEnumHelpers(writer, enumModel);
            }

            writer.Close();
            writer.Close();
        }

        // Every selector of the type in one set, matched in one walk; each property reads its matches by index.
        private static void EmitSelectorSet(CodeWriter writer, ExtractableTypeModel model)
        {
            writer.Line();
            var index = 0;
            var queries = new List<string>();
            foreach (var property in model.Properties)
            {
                if (!PropertyExtractionEmitter.IsQueried(property))
                {
                    continue;
                }

                writer.Line("internal const int " + PropertyExtractionEmitter.QueryName(property) + " = " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";");
                queries.Add("global::DeclarativeScrape.Generated.SelectorQuery." + (PropertyExtractionEmitter.ReadsAll(property) ? "All" : "First") + "(" + property.Name + "Selector)");
                index++;
            }

            for (var i = 0; i < model.FollowLinks.Count; i++)
            {
                writer.Line("internal const int FollowLinks" + Literals.Int(i) + "Query = " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";");
                queries.Add("global::DeclarativeScrape.Generated.SelectorQuery.All(FollowLinks" + Literals.Int(i) + "Selector)");
                index++;
            }

            writer.Line("internal static readonly global::DeclarativeScrape.Generated.SelectorSet Selectors = new global::DeclarativeScrape.Generated.SelectorSet(");
            for (var i = 0; i < queries.Count; i++)
            {
                writer.Line("    " + queries[i] + (i == queries.Count - 1 ? ");" : ","));
            }
        }

        /// <summary>The expression building the <c>UrlRules</c> of <paramref name="rules"/>.</summary>
        public static string RulesCreation(LinkRulesModel rules) =>
            "global::DeclarativeScrape.Generated.UrlRules.Create(" + (rules.Include.Count == 0 ? "null" : Literals.StringArray(rules.Include)) + ", " + (rules.Exclude.Count == 0 ? "null" : Literals.StringArray(rules.Exclude)) + ")";

        private static bool HasQueries(ExtractableTypeModel model)
        {
            if (model.FollowLinks.Count > 0)
            {
                return true;
            }

            foreach (var property in model.Properties)
            {
                if (PropertyExtractionEmitter.IsQueried(property))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ReadsScope(ExtractableTypeModel model)
        {
            foreach (var property in model.Properties)
            {
                if (PropertyExtractionEmitter.ReadsScope(property) && property.Source != SourceKind.Count)
                {
                    return true;
                }
            }

            return false;
        }

        private static void EmitEnumHelpers(CodeWriter writer, EnumModel model)
        {
            var suffix = ValueCode.Suffix(model.TypeName);
            writer.Line();
            writer.Open("internal static bool TryParse" + suffix + "(string text, out " + model.TypeName + " value)");
            writer.Line("var span = global::System.MemoryExtensions.Trim(global::System.MemoryExtensions.AsSpan(text));");
            foreach (var member in model.Members)
            {
                writer.Open("if (global::System.MemoryExtensions.Equals(span, " + Literals.String(member) + ", global::System.StringComparison.OrdinalIgnoreCase))");
                writer.Line("value = " + model.TypeName + "." + Literals.Identifier(member) + ";");
                writer.Line("return true;");
                writer.Close();
                writer.Line();
            }

            writer.Line("value = default;");
            writer.Line("return false;");
            writer.Close();
            writer.Line();
            writer.Line("internal static string NameOf" + suffix + "(" + model.TypeName + " value) => value switch");
            writer.Open(string.Empty);
            foreach (var member in model.Members)
            {
                writer.Line(model.TypeName + "." + Literals.Identifier(member) + " => " + Literals.String(member) + ",");
            }

            writer.Line("_ => ((" + model.UnderlyingTypeName + ")value).ToString(global::System.Globalization.CultureInfo.InvariantCulture),");
            writer.Close(";");
        }

        /// <summary>One local per property, named after it (<c>priceValue</c>), unique even when names differ only in case.</summary>
        private static string[] LocalNames(EquatableArray<PropertyModel> properties)
        {
            var names = new string[properties.Count];
            var used = new HashSet<string>(System.StringComparer.Ordinal);
            for (var i = 0; i < properties.Count; i++)
            {
                var name = properties[i].Name;
                var local = char.ToLowerInvariant(name[0]) + name.Substring(1) + "Value";
                var candidate = local;
                for (var n = 2; !used.Add(candidate); n++)
                {
                    candidate = local + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                names[i] = candidate;
            }

            return names;
        }
    }
}
