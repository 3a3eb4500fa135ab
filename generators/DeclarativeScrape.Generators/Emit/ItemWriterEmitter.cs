using System.Collections.Generic;
using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>Emits the explicit <c>IWritableItem&lt;T&gt;</c> members of an item type: JSON properties and a CSV row.</summary>
    internal static class ItemWriterEmitter
    {
        public static void Emit(CodeWriter writer, ExtractableTypeModel model, string cache)
        {
            var type = model.Type.FullName;
            var contract = "global::DeclarativeScrape.Generated.IWritableItem<" + type + ">";
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("static void " + contract + ".WriteJsonProperties(global::System.Text.Json.Utf8JsonWriter writer, " + type + " value)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
            var written = Written(model);
            for (var i = 0; i < written.Count; i++)
            {
                var property = written[i];
                writer.Line("writer.WritePropertyName(" + cache + "." + property.Name + "Name);");
                JsonValue(writer, property, "value." + Literals.Identifier(property.Name), "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), cache);
            }

            writer.Close();
            writer.Line();
            writer.Line(FileFrame.GeneratedCode);
            writer.Line("static global::System.Collections.Generic.IReadOnlyList<string> " + contract + ".CsvColumns => " + cache + ".CsvHeader;");
            writer.Line();
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("static void " + contract + ".WriteCsvRow(" + type + " value, global::System.Span<string?> cells)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
            for (var i = 0; i < written.Count; i++)
            {
                var property = written[i];
                var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var access = "value." + Literals.Identifier(property.Name);
                if (property.Shape == ValueShape.List || property.Kind == ValueKind.Item)
                {
                    // Nested values go into one cell as JSON text.
                    writer.Open(string.Empty);
                    writer.Line("var writer = " + ValueCode.Writing + ".BeginJsonText();");
                    JsonValue(writer, property, access, "v" + index, cache);
                    writer.Line("cells[" + index + "] = " + ValueCode.Writing + ".EndJsonText();");
                    writer.Close();
                }
                else if (property.Shape == ValueShape.Optional || !property.IsValueType)
                {
                    writer.Line("cells[" + index + "] = " + access + " is { } v" + index + " ? " + ValueCode.CsvScalar(property, "v" + index, cache) + " : null;");
                }
                else
                {
                    writer.Line("cells[" + index + "] = " + ValueCode.CsvScalar(property, access, cache) + ";");
                }
            }

            writer.Close();
        }

        /// <summary>The properties an item writes, in declaration order (see <c>Parsing.OutputRules</c>).</summary>
        public static List<PropertyModel> Written(ExtractableTypeModel model)
        {
            var written = new List<PropertyModel>(model.Properties.Count);
            foreach (var property in model.Properties)
            {
                if (property.IsWritten)
                {
                    written.Add(property);
                }
            }

            return written;
        }

        private static void JsonValue(CodeWriter writer, PropertyModel property, string access, string variable, string cache)
        {
            if (property.Shape == ValueShape.List)
            {
                writer.Open("if (" + access + " is { } " + variable + ")");
                writer.Line("writer.WriteStartArray();");
                writer.Open("foreach (var element in " + variable + ")");
                writer.Line(ValueCode.JsonScalar(property, "element", cache));
                writer.Close();
                writer.Line("writer.WriteEndArray();");
                writer.Close();
                writer.Open("else");
                writer.Line("writer.WriteNullValue();");
                writer.Close();
            }
            else if (property.Shape == ValueShape.Optional && property.IsValueType)
            {
                writer.Open("if (" + access + " is { } " + variable + ")");
                writer.Line(ValueCode.JsonScalar(property, variable, cache));
                writer.Close();
                writer.Open("else");
                writer.Line("writer.WriteNullValue();");
                writer.Close();
            }
            else
            {
                // Value types are never null here; the reference-type writers take null.
                writer.Line(ValueCode.JsonScalar(property, access, cache));
            }
        }
    }
}
