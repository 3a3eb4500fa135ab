using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeclarativeScrape.CodeFixes
{
    /// <summary>DS0001: adds <c>partial</c> to the attributed type and to every containing type that lacks it.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix))]
    [Shared]
    public sealed class MakePartialCodeFix : DiagnosticCodeFix
    {
        /// <summary>The diagnostic this fixes.</summary>
        public const string DiagnosticId = "DS0001";

        /// <summary>The fix, for the compiler's code-fix host.</summary>
        public MakePartialCodeFix()
            : base(DiagnosticId)
        {
        }

        /// <inheritdoc/>
        private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
        {
            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (declaration is null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Make the type partial", ct => AddPartialAsync(context.Document, declaration, ct), nameof(MakePartialCodeFix)),
                diagnostic);
        }

        private static async Task<Document> AddPartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var targets = new List<TypeDeclarationSyntax>();
            foreach (var type in declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
            {
                if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    targets.Add(type);
                }
            }

            var updated = root.ReplaceNodes(targets, (_, rewritten) => AddPartial(rewritten));
            return document.WithSyntaxRoot(updated);
        }

        // 'partial' goes last among the modifiers, right before the keyword; a type without modifiers gives it the keyword's leading trivia.
        private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
        {
            if (type.Modifiers.Count == 0)
            {
                var keyword = type.Keyword;
                var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
                return type.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial));
            }

            return type.AddModifiers(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
        }
    }
}
