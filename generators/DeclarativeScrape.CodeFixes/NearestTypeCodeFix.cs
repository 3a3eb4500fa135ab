using System.Composition;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DeclarativeScrape.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace DeclarativeScrape.CodeFixes
{
    /// <summary>
    /// DS0003: the property's type becomes the supported type the diagnostic carries (see the generator's
    /// <c>NearestType</c>): <c>[Follow] BookPage Next</c> → <c>Link&lt;BookPage&gt; Next</c>, <c>float</c> →
    /// <c>double</c>, <c>List&lt;T&gt;</c> → <c>IReadOnlyList&lt;T&gt;</c>. A diagnostic without a nearest type gets no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NearestTypeCodeFix))]
    [Shared]
    public sealed class NearestTypeCodeFix : DiagnosticCodeFix
    {
        /// <summary>The diagnostic this fixes.</summary>
        public const string DiagnosticId = "DS0003";

        /// <summary>The fix, for the compiler's code-fix host.</summary>
        public NearestTypeCodeFix()
            : base(DiagnosticId)
        {
        }

        private static readonly Regex Namespaces = new Regex(@"global::(\w+\.)*", RegexOptions.CultureInvariant);

        /// <inheritdoc/>
        private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
        {
            if (!diagnostic.Properties.TryGetValue(NearestType.Property, out var replacement) || replacement is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault() is not { } property)
            {
                return;
            }

            // One key for every DS0003 fix, so that fix-all gives each property its own nearest type.
            context.RegisterCodeFix(
                CodeAction.Create("Change the type to '" + Namespaces.Replace(replacement, string.Empty) + "'", ct => ReplaceAsync(context.Document, property, replacement, ct), nameof(NearestTypeCodeFix)),
                diagnostic);
        }

        private static async Task<Document> ReplaceAsync(Document document, PropertyDeclarationSyntax property, string replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            // global:: names, shortened where the file's usings allow (the using is added where it is missing).
            var type = SyntaxFactory.ParseTypeName(replacement)
                .WithTriviaFrom(property.Type)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var updated = property.WithType(type);
            if (property.Initializer is { Value: ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0, Initializer: null } created })
            {
                // 'new()' cannot create an interface: an empty list is '[]'.
                updated = updated.WithInitializer(property.Initializer.WithValue(SyntaxFactory.CollectionExpression().WithTriviaFrom(created)));
            }
            else if (property.Initializer is null && !property.Modifiers.Any(SyntaxKind.RequiredKeyword)
                && model.GetTypeInfo(property.Type, cancellationToken).Type is { IsValueType: true }
                && model.GetSpeculativeTypeInfo(property.Type.SpanStart, type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type is { IsReferenceType: true }
                && model.GetNullableContext(property.Type.SpanStart).AnnotationsEnabled()
                && !replacement.EndsWith("?", System.StringComparison.Ordinal))
            {
                // A value that was never null (char) becomes a non-nullable reference (string): 'required', as a value
                // the page must give, so that the compiler does not warn that it is left null (CS8618).
                var required = SyntaxFactory.Token(SyntaxKind.RequiredKeyword).WithTrailingTrivia(SyntaxFactory.Space);
                updated = property.Modifiers.Count > 0
                    ? updated.WithModifiers(updated.Modifiers.Add(required))
                    : updated.WithType(type.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(required.WithLeadingTrivia(property.Type.GetLeadingTrivia())));
            }

            return document.WithSyntaxRoot(root.ReplaceNode(property, updated));
        }
    }
}
