using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace DeclarativeScrape.CodeFixes
{
    /// <summary>
    /// DS0004: a <c>[Follow]</c> (or <c>[FollowLinks(To = …)]</c>) leads to a type that is not a <c>[Page]</c>: mark that
    /// type <c>[Page]</c> (first in its existing attribute list, <c>[Page, Item]</c>, or a list of its own).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FollowTargetNotPageCodeFix))]
    [Shared]
    public sealed class FollowTargetNotPageCodeFix : DiagnosticCodeFix
    {
        /// <summary>The diagnostic this fixes.</summary>
        public const string DiagnosticId = "DS0004";

        /// <summary>The fix, for the compiler's code-fix host.</summary>
        public FollowTargetNotPageCodeFix()
            : base(DiagnosticId, needsModel: true)
        {
        }

        /// <inheritdoc/>
        private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Target(node, model!, context.CancellationToken) is not { } target
                || target.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not TypeDeclarationSyntax declaration
                || context.Document.Project.Solution.GetDocument(declaration.SyntaxTree) is not { } document)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Mark '" + target.Name + "' as a [Page]", ct => AddPageAsync(document, declaration, ct), nameof(FollowTargetNotPageCodeFix) + "." + target.ToDisplayString()),
                diagnostic);
        }

        /// <summary>The page type the link leads to: a property's <c>Link&lt;T&gt;</c> argument, or a <c>typeof(T)</c>.</summary>
        private static INamedTypeSymbol? Target(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            if (node.AncestorsAndSelf().OfType<TypeOfExpressionSyntax>().FirstOrDefault() is { } typeOf)
            {
                return model.GetTypeInfo(typeOf.Type, cancellationToken).Type as INamedTypeSymbol;
            }

            return node.AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault() is { } property
                && model.GetDeclaredSymbol(property, cancellationToken) is { } symbol
                ? LinkTarget(symbol.Type)
                : null;
        }

        private static INamedTypeSymbol? LinkTarget(ITypeSymbol type)
        {
            if (type is not INamedTypeSymbol named)
            {
                return null;
            }

            if (named.Name == "Link" && named.TypeArguments.Length == 1 && named.ContainingNamespace?.ToDisplayString() == "DeclarativeScrape")
            {
                return named.TypeArguments[0] as INamedTypeSymbol;
            }

            return named.TypeArguments.Select(LinkTarget).FirstOrDefault(t => t is not null);
        }

        private static async Task<Solution> AddPageAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document.Project.Solution;
            }

            // global::DeclarativeScrape.Page, simplified to Page where the file imports the namespace.
            var page = SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::DeclarativeScrape.Page").WithAdditionalAnnotations(Simplifier.Annotation));
            TypeDeclarationSyntax updated;
            if (declaration.AttributeLists.Count > 0)
            {
                var first = declaration.AttributeLists[0];
                var attributes = SyntaxFactory.SeparatedList(
                    new[] { page }.Concat(first.Attributes),
                    Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), first.Attributes.Count));
                updated = declaration.ReplaceNode(first, first.WithAttributes(attributes));
            }
            else
            {
                // The declaration's leading trivia (comments, indentation) goes before the new list; the type keeps its indentation.
                var leading = declaration.GetLeadingTrivia();
                var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(page))
                    .WithLeadingTrivia(leading)
                    .WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"));
                var stripped = declaration.WithLeadingTrivia(indentation == default ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation));
                updated = stripped.WithAttributeLists(SyntaxFactory.SingletonList(list));
            }

            return document.WithSyntaxRoot(root.ReplaceNode(declaration, updated)).Project.Solution;
        }
    }
}
