using System.Composition;
using System.Globalization;
using System.Linq;
using DeclarativeScrape.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeclarativeScrape.CodeFixes
{
    /// <summary>
    /// DS0009 for a relative start URL: write it absolute on the scraper's allowed host, one fix per host of
    /// <c>[AllowedHosts]</c> (<c>"/catalogue/"</c> → <c>"https://books.example/catalogue/"</c>). The diagnostic carries
    /// the URLs (see the generator's <c>StartUrlRules</c>); without <c>[AllowedHosts]</c> there is no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AbsoluteStartUrlCodeFix))]
    [Shared]
    public sealed class AbsoluteStartUrlCodeFix : DiagnosticCodeFix
    {
        /// <summary>The diagnostic this fixes (only for a relative URL on a scraper with allowed hosts).</summary>
        public const string DiagnosticId = "DS0009";

        /// <summary>The fix, for the compiler's code-fix host.</summary>
        public AbsoluteStartUrlCodeFix()
            : base(DiagnosticId)
        {
        }

        /// <inheritdoc/>
        private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
        {
            // Only a string literal is rewritten: a constant defined elsewhere is the author's to change.
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return;
            }

            for (var i = 0; diagnostic.Properties.TryGetValue(StartUrlRules.AbsoluteUrlProperty + i.ToString(CultureInfo.InvariantCulture), out var url) && url is not null; i++)
            {
                // The key names the host's place in [AllowedHosts]: fix-all with the first host uses each scraper's first host.
                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(url)).WithTriviaFrom(literal);
                context.RegisterCodeFix(
                    CodeAction.Create("Use '" + url + "'", ct => DocumentEdit.ReplaceAsync(context.Document, literal, replacement, ct), nameof(AbsoluteStartUrlCodeFix) + "." + i.ToString(CultureInfo.InvariantCulture)),
                    diagnostic);
            }
        }
    }
}
