using System.Composition;
using System.Linq;
using DeclarativeScrape.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeclarativeScrape.CodeFixes
{
    /// <summary>
    /// DS0028 when a sample page lacks a required value (nothing matched, no such attribute, no link): make the property
    /// optional, <c>int Pages</c> → <c>int? Pages</c> (<c>required</c> goes: an optional value may be missing). Offered
    /// only when the sample check says the value is absent, not wrong, in every sample it fails in.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeOptionalCodeFix))]
    [Shared]
    public sealed class MakeOptionalCodeFix : DiagnosticCodeFix
    {
        /// <summary>The diagnostic this fixes.</summary>
        public const string DiagnosticId = "DS0028";

        /// <summary>The fix, for the compiler's code-fix host.</summary>
        public MakeOptionalCodeFix()
            : base(DiagnosticId)
        {
        }

        /// <inheritdoc/>
        private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
        {
            if (!diagnostic.Properties.ContainsKey(SampleFixProperties.MakeOptional)
                || !diagnostic.Properties.TryGetValue(SampleFixProperties.Property, out var name)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault() is not { } property
                || property.Identifier.ValueText != name
                || property.Type is NullableTypeSyntax)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Make '" + name + "' optional (" + property.Type.WithoutTrivia() + "?)", ct => DocumentEdit.ReplaceAsync(context.Document, property, Optional(property), ct), nameof(MakeOptionalCodeFix)),
                diagnostic);
        }

        private static PropertyDeclarationSyntax Optional(PropertyDeclarationSyntax property)
        {
            var updated = property.WithType(SyntaxFactory.NullableType(property.Type.WithoutTrivia()).WithTriviaFrom(property.Type));
            var required = updated.Modifiers.IndexOf(SyntaxKind.RequiredKeyword);
            if (required >= 0)
            {
                // The keyword's leading trivia (indentation, when it comes first) stays with what follows it.
                var leading = updated.Modifiers[required].LeadingTrivia;
                updated = updated.WithModifiers(updated.Modifiers.RemoveAt(required));
                updated = required < updated.Modifiers.Count
                    ? updated.WithModifiers(updated.Modifiers.Replace(updated.Modifiers[required], updated.Modifiers[required].WithLeadingTrivia(leading)))
                    : updated.WithType(updated.Type.WithLeadingTrivia(leading));
            }

            return updated;
        }
    }
}
