using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Generators.Selectors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// Reads a selector argument once with <see cref="SelectorReader"/> into its <see cref="SelectorModel"/>, reporting on
    /// the offending characters what makes it unusable: Scrapy's <c>::text</c>/<c>::attr()</c> (DS0025), invalid CSS
    /// (DS0002), a pseudo-element that matches no element (DS0026).
    /// </summary>
    internal static class SelectorValidation
    {
        /// <summary>The diagnostic property naming the selector without its Scrapy pseudo-element (for the DS0025 fix).</summary>
        public const string CssSelectorProperty = "CssSelector";

        /// <summary>The diagnostic property naming the attribute of Scrapy's <c>::attr(name)</c> (absent for <c>::text</c>).</summary>
        public const string HtmlAttributeProperty = "HtmlAttribute";

        /// <returns>The selector's model, or <see langword="null"/> when it is unusable (reported).</returns>
        public static SelectorModel? Check(string? selector, string property, SourceKind source, AttributeArguments arguments, int argumentIndex, List<Diagnostic> diagnostics) =>
            Check(selector, property, source, arguments, arguments.ConstructorSyntax(argumentIndex), diagnostics);

        /// <summary>Reads a selector written as <paramref name="expression"/> (a named argument, say).</summary>
        /// <returns>The selector's model, or <see langword="null"/> when it is unusable (reported).</returns>
        public static SelectorModel? Check(string? selector, string property, SourceKind source, AttributeArguments arguments, ExpressionSyntax? expression, List<Diagnostic> diagnostics)
        {
            if (selector is null)
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidSelector, arguments.LocationOf(expression), "null", property, "the selector is null"));
                return null;
            }

            SelectorReading reading;
            try
            {
                reading = SelectorReader.Read(selector);
            }
            catch (Exception)
            {
                // A reader bug must not break the build: AngleSharp still refuses a bad selector at run time.
                return new SelectorModel(selector, false, EquatableArray<string>.Empty, true);
            }

            if (reading.Scrapy is { } scrapy && CssSelectorChecker.Check(CssPart(selector, scrapy)) is null)
            {
                var css = CssPart(selector, scrapy);
                var properties = ImmutableDictionary<string, string?>.Empty.Add(CssSelectorProperty, css);
                if (scrapy.Attribute is { } attribute)
                {
                    properties = properties.Add(HtmlAttributeProperty, attribute);
                }

                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.ScrapyPseudoElement, Narrow(expression, scrapy.Start, scrapy.End - scrapy.Start) ?? arguments.LocationOf(expression), properties, selector, property, scrapy.Written, Advice(source, css, scrapy.Attribute)));
                return null;
            }

            if (reading.Error is { } error)
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidSelector, Narrow(expression, error.Offset, error.Length) ?? arguments.LocationOf(expression), selector, property, error.Message));
                return null;
            }

            if (reading.PseudoElement is { } pseudo)
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.PseudoElementMatchesNothing, Narrow(expression, pseudo.Start, pseudo.Length) ?? arguments.LocationOf(expression), selector, property, selector.Substring(pseudo.Start, pseudo.Length)));
                return null;
            }

            var attributes = new List<string>(reading.Attributes);
            return new SelectorModel(selector, reading.IsScope, attributes.ToEquatableArray(), reading.ReadsAnyAttribute);
        }

        /// <summary>
        /// The span of <paramref name="length"/> characters at <paramref name="offset"/> of the value inside a plain
        /// (regular or verbatim) string literal whose text maps one to one onto its value; <see langword="null"/> when
        /// it does not (escapes, constants, concatenation).
        /// </summary>
        public static Location? Narrow(ExpressionSyntax? expression, int offset, int length)
        {
            if (expression is not LiteralExpressionSyntax literal || !literal.Token.IsKind(SyntaxKind.StringLiteralToken))
            {
                return null;
            }

            var token = literal.Token;
            var text = token.Text;
            var value = token.ValueText;
            int prefix;
            if (text.StartsWith("@\"", StringComparison.Ordinal))
            {
                prefix = 2;
            }
            else if (text.StartsWith("\"", StringComparison.Ordinal) && !text.StartsWith("\"\"\"", StringComparison.Ordinal))
            {
                prefix = 1;
            }
            else
            {
                return null;
            }

            if (text.Length != value.Length + prefix + 1 || string.CompareOrdinal(text, prefix, value, 0, value.Length) != 0)
            {
                return null;
            }

            offset = Math.Max(0, Math.Min(offset, value.Length));
            length = Math.Max(0, Math.Min(length, value.Length - offset));
            if (length == 0)
            {
                return null;
            }

            return Location.Create(literal.SyntaxTree, new TextSpan(token.SpanStart + prefix + offset, length));
        }

        // The selector before a Scrapy pseudo-element: ':scope' when nothing is left ("::text" is the element's own text).
        private static string CssPart(string selector, ScrapyPseudoElement scrapy)
        {
            var css = selector.Substring(0, scrapy.Start).Trim();
            return css.Length == 0 ? ":" + ScopeSelector.Name : css;
        }

        private static string Advice(SourceKind source, string css, string? attribute)
        {
            var quoted = Emit.Literals.String(css);
            switch (source)
            {
                case SourceKind.Follow when attribute is null:
                    return "a [Follow] reads an attribute of the element, write [Follow(" + quoted + ")]";
                case SourceKind.Follow:
                    return "write [Follow(" + quoted + (attribute == "href" ? string.Empty : ", Attribute = " + Emit.Literals.String(attribute)) + ")]";
                case SourceKind.Items:
                    return "[Items] selects elements, write [Items(" + quoted + ")]";
                default:
                    return attribute is null ? "write [Text(" + quoted + ")]" : "write [Attr(" + quoted + ", " + Emit.Literals.String(attribute) + ")]";
            }
        }
    }
}
