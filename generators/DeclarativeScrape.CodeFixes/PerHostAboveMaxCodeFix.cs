using System.Composition;
using System.Globalization;
using System.Linq;
using DeclarativeScrape.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DeclarativeScrape.CodeFixes
{
    /// <summary>
    /// DS0010 for <c>[Concurrency(PerHost = …)]</c> above <c>Max</c>: lower <c>PerHost</c> to <c>Max</c>, or raise
    /// <c>Max</c> to <c>PerHost</c>. The diagnostic carries the setting and the <c>Max</c> in force.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PerHostAboveMaxCodeFix))]
    [Shared]
    public sealed class PerHostAboveMaxCodeFix : DiagnosticCodeFix
    {
        /// <summary>The diagnostic this fixes (only its <c>Concurrency.PerHost</c> case).</summary>
        public const string DiagnosticId = "DS0010";

        /// <summary>The fix, for the compiler's code-fix host.</summary>
        public PerHostAboveMaxCodeFix()
            : base(DiagnosticId)
        {
        }

        /// <inheritdoc/>
        private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
        {
            if (!diagnostic.Properties.TryGetValue(ScraperParser.SettingProperty, out var setting) || setting != "Concurrency.PerHost"
                || !diagnostic.Properties.TryGetValue(ScraperParser.LimitProperty, out var max) || max is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault() is not { Parent: AttributeArgumentListSyntax list } perHost)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Lower PerHost to Max (" + max + ")", ct => DocumentEdit.ReplaceAsync(context.Document, list, list.ReplaceNode(perHost, perHost.WithExpression(Number(max).WithTriviaFrom(perHost.Expression))), ct), nameof(PerHostAboveMaxCodeFix) + ".Lower"),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create("Raise Max to PerHost (" + perHost.Expression + ")", ct => DocumentEdit.ReplaceAsync(context.Document, list, RaiseMax(list, perHost), ct), nameof(PerHostAboveMaxCodeFix) + ".Raise"),
                diagnostic);
        }

        private static AttributeArgumentListSyntax RaiseMax(AttributeArgumentListSyntax list, AttributeArgumentSyntax perHost)
        {
            var max = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Max");
            if (max is not null)
            {
                return list.ReplaceNode(max, max.WithExpression(perHost.Expression.WithTriviaFrom(max.Expression)));
            }

            // Max before PerHost, as the attribute's documentation writes them.
            var added = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals("Max"), null, perHost.Expression.WithoutTrivia());
            return list.WithArguments(list.Arguments.Insert(list.Arguments.IndexOf(perHost), added)).WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static LiteralExpressionSyntax Number(string value) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(int.Parse(value, CultureInfo.InvariantCulture)));
    }
}
