using System.Collections.Generic;
using System.Threading;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>Reads a property's <c>[Replace]</c>, <c>[Split]</c> and <c>[Trim]</c> into a <see cref="TextShapingModel"/>.</summary>
    internal static class TextShapingParser
    {
        /// <summary>Whether <paramref name="attribute"/> is one of the text-shaping attributes.</summary>
        public static bool IsShaping(INamedTypeSymbol? attribute) =>
            KnownNames.IsOurs(attribute, KnownNames.Trim) || KnownNames.IsOurs(attribute, KnownNames.Replace) || KnownNames.IsOurs(attribute, KnownNames.Split);

        /// <returns>The shaping, or <see langword="null"/> when there is none (or only invalid ones, each reported).</returns>
        public static TextShapingModel? Read(IReadOnlyList<AttributeData> attributes, string propertyName, Location fallback, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (attributes.Count == 0)
            {
                return null;
            }

            var replacements = new List<ReplacementModel>();
            SplitModel? split = null;
            string? trim = null;
            foreach (var attribute in attributes)
            {
                var arguments = new AttributeArguments(attribute, fallback, cancellationToken);
                if (!arguments.IsBound)
                {
                    continue;
                }

                if (KnownNames.IsOurs(attribute.AttributeClass, KnownNames.Replace))
                {
                    var oldValue = arguments.ConstructorString(0);
                    var newValue = arguments.ConstructorString(1);
                    if (string.IsNullOrEmpty(oldValue))
                    {
                        Report("Replace", "the text to replace is " + (oldValue is null ? "null" : "empty"), arguments.LocationOf(arguments.ConstructorSyntax(0)));
                    }
                    else if (newValue is null)
                    {
                        Report("Replace", "the replacement is null (write \"\" to remove the text)", arguments.LocationOf(arguments.ConstructorSyntax(1)));
                    }
                    else
                    {
                        replacements.Add(new ReplacementModel(oldValue!, newValue));
                    }
                }
                else if (KnownNames.IsOurs(attribute.AttributeClass, KnownNames.Split))
                {
                    var separator = arguments.ConstructorString(0);
                    var index = AttributeArguments.AsInt(arguments.Constructor(1)) ?? 0;
                    var count = arguments.NamedInt("Count") ?? 1;
                    if (string.IsNullOrEmpty(separator))
                    {
                        Report("Split", "the separator is " + (separator is null ? "null" : "empty"), arguments.LocationOf(arguments.ConstructorSyntax(0)));
                    }
                    else if (count < 1)
                    {
                        Report("Split", "Count must be at least 1, was " + count.ToString(System.Globalization.CultureInfo.InvariantCulture), arguments.LocationOf(arguments.NamedSyntax("Count")));
                    }
                    else
                    {
                        split = new SplitModel(separator!, index, count);
                    }
                }
                else
                {
                    var characters = arguments.ConstructorString(0);
                    if (characters is null)
                    {
                        Report("Trim", "the characters are null (write [Trim] to trim white space only)", arguments.LocationOf(arguments.ConstructorSyntax(0)));
                    }
                    else
                    {
                        trim = characters;
                    }
                }
            }

            return replacements.Count == 0 && split is null && trim is null
                ? null
                : new TextShapingModel(replacements.ToEquatableArray(), split, trim);

            void Report(string attribute, string problem, Location location) =>
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidTextShaping, location, attribute, propertyName, problem));
        }
    }
}
