using System.Collections.Generic;
using System.Linq;
using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>
    /// Emits the <c>Item</c> union of a scraper with several item types: an abstract class with a private constructor
    /// and one sealed case per item type exposing <c>Value</c>, matched exhaustively by <c>Match</c> and <c>Switch</c>
    /// without casts; and its JSON format (a <c>"$type"</c> member naming the case; no CSV).
    /// </summary>
    internal static class UnionEmitter
    {
        /// <summary>The case name of each item type: its simple name, numbered when two are alike.</summary>
        public static IReadOnlyDictionary<string, string> CaseNames(IReadOnlyList<TypeSummaryModel> items)
        {
            var names = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var used = new HashSet<string>(System.StringComparer.Ordinal) { "Item", "Match", "Switch", "Value" };
            foreach (var item in items)
            {
                var name = item.Name.TrimStart('@');
                var candidate = name;
                for (var n = 2; !used.Add(candidate); n++)
                {
                    candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                names[item.FullName] = candidate;
            }

            return names;
        }

        public static void Emit(CodeWriter writer, ScraperModel model, IReadOnlyList<TypeSummaryModel> items, IReadOnlyDictionary<string, string> cases)
        {
            var union = model.Type.FullName + ".Item";
            var parameters = items.Select(i => Literals.Identifier(Camel(cases[i.FullName]))).ToList();
            var funcs = string.Join(", ", items.Select((item, i) => "global::System.Func<" + item.FullName + ", TResult> " + parameters[i]));
            var actions = string.Join(", ", items.Select((item, i) => "global::System.Action<" + item.FullName + "> " + parameters[i]));

            writer.Line("/// <summary>");
            writer.Line("/// An item of <see cref=\"" + model.Type.FullName + "\"/>: exactly one of " + string.Join(", ", items.Select(i => "<see cref=\"" + i.FullName + "\"/>")) + ".");
            writer.Line("/// Use <see cref=\"Match{TResult}\"/> or <see cref=\"Switch\"/> to handle every case without casts.");
            writer.Line("/// </summary>");
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("public abstract class Item");
            writer.Open("private Item()");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Calls the function of this item's case with its value.</summary>");
            writer.Line("/// <typeparam name=\"TResult\">The result type.</typeparam>");
            foreach (var (item, i) in items.Select((item, i) => (item, i)))
            {
                writer.Line("/// <param name=\"" + parameters[i].TrimStart('@') + "\">Called for a <see cref=\"" + item.FullName + "\"/>.</param>");
            }

            writer.Line("/// <returns>What the called function returned.</returns>");
            writer.Line("public abstract TResult Match<TResult>(" + funcs + ");");
            writer.Line();
            writer.Line("/// <summary>Calls the action of this item's case with its value.</summary>");
            foreach (var (item, i) in items.Select((item, i) => (item, i)))
            {
                writer.Line("/// <param name=\"" + parameters[i].TrimStart('@') + "\">Called for a <see cref=\"" + item.FullName + "\"/>.</param>");
            }

            writer.Line("public abstract void Switch(" + actions + ");");
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var name = cases[item.FullName];
                writer.Line();
                writer.Line("/// <summary>A <see cref=\"" + item.FullName + "\"/> item.</summary>");
                writer.Open("public sealed class " + name + " : " + union);
                writer.Line("/// <summary>Wraps <paramref name=\"value\"/>.</summary>");
                writer.Line("/// <param name=\"value\">The item.</param>");
                writer.Open("public " + name + "(" + item.FullName + " value)");
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
                writer.Line("Value = value;");
                writer.Close();
                writer.Line();
                writer.Line("/// <summary>The item.</summary>");
                writer.Line("public " + item.FullName + " Value { get; }");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Open("public override TResult Match<TResult>(" + funcs + ")");
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameters[i] + ");");
                writer.Line("return " + parameters[i] + "(Value);");
                writer.Close();
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Open("public override void Switch(" + actions + ")");
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameters[i] + ");");
                writer.Line(parameters[i] + "(Value);");
                writer.Close();
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("public override string ToString() => Value.ToString() ?? string.Empty;");
                writer.Close();
            }

            writer.Close();
            writer.Line();
            EmitFormat(writer, model, items, cases, union);
        }

        private static void EmitFormat(CodeWriter writer, ScraperModel model, IReadOnlyList<TypeSummaryModel> items, IReadOnlyDictionary<string, string> cases, string union)
        {
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("private sealed class __ItemFormat : global::DeclarativeScrape.ItemFormat<" + union + ">");
            writer.Line("public static readonly " + model.Type.FullName + ".__ItemFormat Instance = new " + model.Type.FullName + ".__ItemFormat();");
            writer.Line();
            writer.Line("public override global::System.Collections.Generic.IReadOnlyList<string> CsvColumns => global::System.Array.Empty<string>();");
            writer.Line();
            writer.Open("public override void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, " + union + " item)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(item);");
            writer.Line("writer.WriteStartObject();");
            writer.Open("switch (item)");
            for (var i = 0; i < items.Count; i++)
            {
                var name = cases[items[i].FullName];
                var variable = "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                writer.Line("case " + union + "." + name + " " + variable + ":");
                if (!items[i].IsGenerated)
                {
                    // Its writers do not exist: the type has an error, reported at its declaration, and the build fails on it.
                    writer.Line("    throw new global::System.NotSupportedException(" + Literals.String("'" + items[i].DisplayName + "' has a compile-time error: its items cannot be written.") + ");");
                    continue;
                }

                writer.Line("    writer.WriteString(\"$type\", " + Literals.String(name) + ");");
                writer.Line("    global::DeclarativeScrape.Generated.ItemWriting.WriteJsonProperties<" + items[i].FullName + ">(writer, " + variable + ".Value);");
                writer.Line("    break;");
            }

            writer.Close();
            writer.Line("writer.WriteEndObject();");
            writer.Close();
            writer.Line();
            writer.Line("public override void WriteCsvRow(" + union + " item, global::System.Span<string?> cells) =>");
            writer.Line("    throw new global::System.NotSupportedException(" + Literals.String("Scraper '" + model.Type.Name + "' has several item types, which do not fit one CSV table; write JSON Lines instead.") + ");");
            writer.Close();
        }

        private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
    }
}
