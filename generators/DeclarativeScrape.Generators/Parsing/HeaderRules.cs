using System.Collections.Generic;
using System.Threading;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>What a request header of <c>[Header]</c> (or a user agent) may be, on a scraper and on a page type.</summary>
    internal static class HeaderRules
    {
        /// <summary>Why <paramref name="name"/> is not a header name, or <see langword="null"/>.</summary>
        public static string? NameProblem(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return "the header name is empty";
            }

            foreach (var c in name!)
            {
                // RFC 9110 token characters.
                if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0))
                {
                    return "a header name is an RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~";
                }
            }

            return null;
        }

        /// <summary>Why <paramref name="value"/> is not a header value, or <see langword="null"/>.</summary>
        public static string? ValueProblem(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return "the value is empty";
            }

            foreach (var c in value!)
            {
                if ((char.IsControl(c) && c != '\t') || c > 0xff)
                {
                    return "a header value cannot contain line breaks, NUL, control or non-Latin-1 characters";
                }
            }

            return null;
        }

        /// <summary>The <c>[Header]</c>s of a page type: sent with its requests, over the scraper's (DS0051 for a bad one).</summary>
        public static List<HeaderModel> ReadPageHeaders(INamedTypeSymbol type, Location fallback, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var headers = new List<HeaderModel>();
            foreach (var attribute in type.GetAttributes())
            {
                if (!KnownNames.IsOurs(attribute.AttributeClass, KnownNames.Header))
                {
                    continue;
                }

                var arguments = new AttributeArguments(attribute, fallback, cancellationToken);
                if (!arguments.IsBound)
                {
                    continue;
                }

                var name = arguments.ConstructorString(0);
                var value = arguments.ConstructorString(1);
                if (NameProblem(name) is { } nameProblem)
                {
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidPageHeader, arguments.LocationOf(arguments.ConstructorSyntax(0)), name ?? "null", type.Name, nameProblem));
                }
                else if (value is null || (value.Length > 0 && ValueProblem(value) is not null))
                {
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidPageHeader, arguments.LocationOf(arguments.ConstructorSyntax(1)), name!, type.Name, value is null ? "the value is null" : ValueProblem(value)!));
                }
                else
                {
                    headers.Add(new HeaderModel(name!, value));
                }
            }

            return headers;
        }
    }
}
