using System.Collections.Generic;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>Reads the <c>Include</c> and <c>Exclude</c> URL patterns of an attribute, reporting DS0047 for each bad one.</summary>
    internal static class LinkRulesParser
    {
        /// <param name="arguments">The attribute.</param>
        /// <param name="owner">What the patterns belong to, for the message: <c>'Books'</c>, <c>[FollowLinks] of 'DocPage'</c>.</param>
        /// <param name="diagnostics">Where problems go.</param>
        /// <returns>The valid patterns, or <see langword="null"/> when there are none.</returns>
        public static LinkRulesModel? Read(AttributeArguments arguments, string owner, List<Diagnostic> diagnostics)
        {
            var include = ReadPatterns(arguments, "Include", owner, diagnostics);
            var exclude = ReadPatterns(arguments, "Exclude", owner, diagnostics);
            return include.Count == 0 && exclude.Count == 0 ? null : new LinkRulesModel(include.ToEquatableArray(), exclude.ToEquatableArray());
        }

        /// <summary>Checks one pattern; reports DS0047 at <paramref name="location"/> when it is not valid.</summary>
        public static bool Check(string? pattern, string owner, Location location, List<Diagnostic> diagnostics)
        {
            if (UrlPatternSyntax.Problem(pattern) is { } problem)
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidUrlPattern, location, pattern ?? "null", owner, problem));
                return false;
            }

            return true;
        }

        private static List<string> ReadPatterns(AttributeArguments arguments, string name, string owner, List<Diagnostic> diagnostics)
        {
            var patterns = new List<string>();
            if (AttributeArguments.Array(arguments.Named(name)) is { } values)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    var pattern = AttributeArguments.AsString(values[i]);
                    if (Check(pattern, owner, arguments.LocationOf(arguments.NamedElementSyntax(name, i)), diagnostics))
                    {
                        patterns.Add(pattern!);
                    }
                }
            }

            return patterns;
        }
    }
}
