using System.Collections.Generic;
using System.Text;
using System.Threading;
using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>Reads where a type is declared (namespace, containing types), its names, and whether it and its containers are partial.</summary>
    internal static class TypeDeclarations
    {
        public static readonly SymbolDisplayFormat FullNameFormat = SymbolDisplayFormat.FullyQualifiedFormat;

        public static readonly SymbolDisplayFormat ShortFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

        public static string FullName(ITypeSymbol type) => type.ToDisplayString(FullNameFormat);

        public static string ShortName(ITypeSymbol type) => type.ToDisplayString(ShortFormat);

        public static TypeDeclarationModel Read(INamedTypeSymbol type, string keyword)
        {
            var containing = new List<ContainingTypeModel>();
            var displayName = new StringBuilder();
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(outer), outer.Name));
            }

            foreach (var outer in containing)
            {
                displayName.Append(outer.Name).Append('.');
            }

            displayName.Append(type.Name);
            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
            var hint = new StringBuilder();
            if (ns.Length > 0)
            {
                hint.Append(ns).Append('.');
            }

            foreach (var outer in containing)
            {
                hint.Append(outer.Name).Append('+');
            }

            hint.Append(type.Name);
            return new TypeDeclarationModel(ns, containing.ToEquatableArray(), keyword, type.Name, FullName(type), displayName.ToString(), SanitizeHintName(hint.ToString()));
        }

        /// <summary>The keyword (and the modifiers a partial declaration must repeat) of a type.</summary>
        public static string Keyword(INamedTypeSymbol type)
        {
            var keyword = type.IsRecord
                ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : type.TypeKind switch
                {
                    TypeKind.Struct => "struct",
                    TypeKind.Interface => "interface",
                    _ => "class",
                };
            return type.IsStatic ? "static " + keyword : keyword;
        }

        /// <summary>Whether <paramref name="type"/> is declared <c>partial</c> (a metadata type counts as partial: nothing to check).</summary>
        public static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration)
                {
                    foreach (var modifier in declaration.Modifiers)
                    {
                        if (modifier.IsKind(SyntaxKind.PartialKeyword))
                        {
                            return true;
                        }
                    }
                }
            }

            return type.DeclaringSyntaxReferences.Length == 0;
        }

        /// <summary>
        /// Reports DS0001 when <paramref name="type"/> or one of its containing types is not partial.
        /// </summary>
        /// <returns>Whether everything is partial.</returns>
        public static bool CheckPartial(INamedTypeSymbol type, string role, Location location, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (!IsPartial(type, cancellationToken))
            {
                diagnostics.Add(Diagnostics.DiagnosticMessages.Create(Diagnostics.DiagnosticDescriptors.TypeNotPartial, location, type.Name, "it is a " + role + " type and the generator adds members to it"));
                return false;
            }

            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (!IsPartial(outer, cancellationToken))
                {
                    diagnostics.Add(Diagnostics.DiagnosticMessages.Create(Diagnostics.DiagnosticDescriptors.TypeNotPartial, location, outer.Name, "it contains the " + role + " type '" + type.Name + "'"));
                    return false;
                }
            }

            return true;
        }

        public static Location IdentifierLocation(SyntaxNode node) =>
            node is BaseTypeDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : node.GetLocation();

        private static string SanitizeHintName(string hint)
        {
            var builder = new StringBuilder(hint.Length);
            foreach (var c in hint)
            {
                builder.Append(char.IsLetterOrDigit(c) || c == '.' || c == '+' || c == '_' ? c : '_');
            }

            return builder.ToString();
        }
    }
}
