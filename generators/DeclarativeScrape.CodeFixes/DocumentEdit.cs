using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.CodeFixes
{
    /// <summary>The edit most fixes make: one node of a document replaced by another.</summary>
    internal static class DocumentEdit
    {
        /// <summary><paramref name="document"/> with <paramref name="node"/> replaced by <paramref name="replacement"/>.</summary>
        public static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
        }
    }
}
