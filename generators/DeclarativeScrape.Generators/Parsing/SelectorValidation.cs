using System;
using System.Collections.Generic;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Selectors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>Checks a selector argument with <see cref="CssSelectorChecker"/> and reports DS0002 on the offending characters.</summary>
    internal static class SelectorValidation
    {
        /// <returns>Whether the selector is usable.</returns>
        public static bool Check(string? selector, string property, AttributeArguments arguments, int argumentIndex, List<Diagnostic> diagnostics) =>
            Check(selector, property, arguments, arguments.ConstructorSyntax(argumentIndex), diagnostics);

        /// <summary>Checks a selector written as <paramref name="expression"/> (a named argument, say).</summary>
        /// <returns>Whether the selector is usable.</returns>
        public static bool Check(string? selector, string property, AttributeArguments arguments, ExpressionSyntax? expression, List<Diagnostic> diagnostics)
        {
            if (selector is null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidSelector, arguments.LocationOf(expression), "null", property, "the selector is null"));
                return false;
            }

            SelectorError? error;
            try
            {
                error = CssSelectorChecker.Check(selector);
            }
            catch (Exception)
            {
                // A checker bug must not break the build: AngleSharp still refuses a bad selector at run time.
                return true;
            }

            if (error is not { } found)
            {
                return true;
            }

            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidSelector, Narrow(expression, found) ?? arguments.LocationOf(expression), selector, property, found.Message));
            return false;
        }

        /// <summary>
        /// The span of the offending characters inside a plain (regular or verbatim) string literal whose text maps one to
        /// one onto its value; <see langword="null"/> when it does not (escapes, constants, concatenation).
        /// </summary>
        public static Location? Narrow(ExpressionSyntax? expression, SelectorError error)
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

            var offset = Math.Max(0, Math.Min(error.Offset, value.Length));
            var length = Math.Max(0, Math.Min(error.Length, value.Length - offset));
            if (length == 0)
            {
                return null;
            }

            return Location.Create(literal.SyntaxTree, new TextSpan(token.SpanStart + prefix + offset, length));
        }
    }
}
