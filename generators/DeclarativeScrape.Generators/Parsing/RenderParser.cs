using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Generators.Selectors;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// Reads a page type's <c>[Render]</c> into a <see cref="RenderModel"/>: its selectors checked with the same checker as
    /// extraction selectors (DS0066), its numbers, script and enums checked (DS0067), the required properties listed for the
    /// mixed mode (DS0068 when there are none), and a warning when it blocks scripts (DS0069).
    /// </summary>
    internal static class RenderParser
    {
        /// <summary>The runtime's <c>RenderMode</c> members, by value.</summary>
        private static readonly string[] Modes = ["Always", "WhenNeeded"];

        /// <summary>The runtime's <c>RenderWaitUntil</c> members, by value.</summary>
        private static readonly string[] WaitUntils = ["Load", "DomContentLoaded", "NetworkIdle"];

        /// <summary>Every <c>RenderResources</c> flag together.</summary>
        private const int AllResources = 127;

        private const int ScriptsFlag = 16;

        /// <summary>The runtime's defaults (<c>RenderSpec</c>).</summary>
        private const int DefaultMaxClicks = 10;
        private const double DefaultTimeoutSeconds = 30;
        private const int DefaultBlock = 1 | 2 | 4;

        /// <returns>The model, or <see langword="null"/> when the type has no <c>[Render]</c> or it has an error (reported).</returns>
        public static RenderModel? Parse(INamedTypeSymbol type, IReadOnlyList<PropertyModel> properties, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (KnownNames.Find(type, KnownNames.Render) is not { } attribute)
            {
                return null;
            }

            var arguments = new AttributeArguments(attribute, type.Locations.FirstOrDefault() ?? Location.None, cancellationToken);
            var reported = diagnostics.Count;
            var mode = EnumMember(arguments, "Mode", Modes, type, diagnostics);
            var waitUntil = EnumMember(arguments, "WaitUntil", WaitUntils, type, diagnostics);
            var waitFor = Selector(arguments, "WaitForSelector", "wait selector", type, diagnostics);
            var click = Selector(arguments, "ClickSelector", "click selector", type, diagnostics);
            var script = arguments.NamedString("WaitForScript");
            if (script is not null && string.IsNullOrWhiteSpace(script))
            {
                Report(arguments, "WaitForScript", type, "is empty: give a JavaScript expression that becomes truthy, or leave it unset", diagnostics);
            }

            var maxClicks = arguments.NamedInt("MaxClicks") ?? DefaultMaxClicks;
            if (maxClicks < 1)
            {
                Report(arguments, "MaxClicks", type, "must be at least 1, was " + maxClicks.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostics);
            }
            else if (arguments.Named("MaxClicks") is not null && arguments.NamedString("ClickSelector") is null)
            {
                Report(arguments, "MaxClicks", type, "there is nothing to click: set ClickSelector too", diagnostics);
            }

            var timeout = arguments.NamedDouble("TimeoutSeconds") ?? DefaultTimeoutSeconds;
            if (!(timeout > 0) || double.IsInfinity(timeout) || timeout > int.MaxValue / 1000.0)
            {
                Report(arguments, "TimeoutSeconds", type, "must be a positive number of seconds (at most 2147483), was " + timeout.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostics);
            }

            var wait = arguments.NamedDouble("WaitSeconds") ?? 0;
            if (!(wait >= 0) || double.IsInfinity(wait))
            {
                Report(arguments, "WaitSeconds", type, "must be 0 (none) or a positive number of seconds, was " + wait.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostics);
            }
            else if (wait >= timeout && timeout > 0)
            {
                Report(arguments, "WaitSeconds", type, "must be shorter than TimeoutSeconds (" + timeout.ToString(System.Globalization.CultureInfo.InvariantCulture) + "), which the wait counts within, was " + wait.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostics);
            }

            var block = arguments.Named("Block") is { Kind: TypedConstantKind.Enum, Value: int flags } ? flags : DefaultBlock;
            if ((block & ~AllResources) != 0)
            {
                Report(arguments, "Block", type, "has bits that are no RenderResources flag", diagnostics);
            }
            else if ((block & ScriptsFlag) != 0)
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.RenderBlocksScripts, arguments.LocationOf(arguments.NamedSyntax("Block")), type.Name));
            }

            var required = properties.Where(p => p.Shape == ValueShape.Required && p.Source != SourceKind.PageUrl).Select(p => p.Name).ToEquatableArray();
            if (mode == "WhenNeeded" && required.Count == 0)
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.RenderNeverNeeded, arguments.LocationOf(arguments.NamedSyntax("Mode")), type.Name));
            }

            var errors = diagnostics.Skip(reported).Any(d => d.Severity == DiagnosticSeverity.Error);
            return errors ? null : new RenderModel(mode!, waitUntil!, waitFor, script, wait, click, maxClicks, timeout, block, required);
        }

        private static string? EnumMember(AttributeArguments arguments, string name, string[] members, INamedTypeSymbol type, List<Diagnostic> diagnostics)
        {
            if (arguments.Named(name) is not { Kind: TypedConstantKind.Enum, Value: int value })
            {
                return members[0];
            }

            if (value < 0 || value >= members.Length)
            {
                Report(arguments, name, type, value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not one of " + string.Join(", ", members), diagnostics);
                return null;
            }

            return members[value];
        }

        private static string? Selector(AttributeArguments arguments, string name, string what, INamedTypeSymbol type, List<Diagnostic> diagnostics)
        {
            if (arguments.Named(name) is null)
            {
                return null;
            }

            var selector = arguments.NamedString(name);
            var expression = arguments.NamedSyntax(name);
            if (selector is null)
            {
                return null;   // null means none
            }

            SelectorError? error;
            try
            {
                error = string.IsNullOrWhiteSpace(selector) ? new SelectorError("the selector is empty", 0, selector.Length) : CssSelectorChecker.Check(selector);
            }
            catch (Exception)
            {
                // A checker bug must not break the build: the browser still refuses a bad selector at run time.
                return selector;
            }

            if (error is { } found)
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidRenderSelector, SelectorValidation.Narrow(expression, found.Offset, found.Length) ?? arguments.LocationOf(expression), what, selector, type.Name, found.Message));
            }

            return selector;
        }

        private static void Report(AttributeArguments arguments, string setting, INamedTypeSymbol type, string problem, List<Diagnostic> diagnostics) =>
            diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.ImpossibleRenderSetting, arguments.LocationOf(arguments.NamedSyntax(setting)), setting, type.Name, problem));
    }
}
