using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeclarativeScrape.CodeFixes
{
    /// <summary>
    /// What every code fix of the project shares: it fixes one diagnostic, reads the document's syntax root (and its
    /// semantic model when it needs one) once, offers its fixes for each diagnostic (<see cref="Register"/>), and fixes
    /// all occurrences with the batch fixer.
    /// </summary>
    public abstract class DiagnosticCodeFix : CodeFixProvider
    {
        private readonly ImmutableArray<string> _ids;
        private readonly bool _needsModel;

        /// <summary>A code fix for <paramref name="diagnosticId"/>.</summary>
        /// <param name="diagnosticId">The diagnostic it fixes.</param>
        /// <param name="needsModel">Whether <see cref="Register"/> needs the semantic model.</param>
        private protected DiagnosticCodeFix(string diagnosticId, bool needsModel = false)
        {
            _ids = ImmutableArray.Create(diagnosticId);
            _needsModel = needsModel;
        }

        /// <inheritdoc/>
        public sealed override ImmutableArray<string> FixableDiagnosticIds => _ids;

        /// <inheritdoc/>
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = _needsModel ? await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) : null;
            if (root is null || (_needsModel && model is null))
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                Register(context, diagnostic, root, model);
            }
        }

        /// <summary>Offers the fixes for one diagnostic, if any (<see cref="CodeFixContext.RegisterCodeFix(Microsoft.CodeAnalysis.CodeActions.CodeAction, Diagnostic)"/>).</summary>
        /// <param name="context">The fix's context.</param>
        /// <param name="diagnostic">The diagnostic.</param>
        /// <param name="root">The document's syntax root.</param>
        /// <param name="model">The document's semantic model, when the fix asked for it.</param>
        private protected abstract void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model);
    }
}
