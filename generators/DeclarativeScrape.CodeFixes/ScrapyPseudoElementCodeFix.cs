using System.Composition;
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
    /// DS0025: a Scrapy pseudo-element becomes what the attribute reads: <c>[Text("h1::text")]</c> → <c>[Text("h1")]</c>,
    /// <c>[Text("a::attr(href)")]</c> → <c>[Attr("a", "href")]</c>, <c>[Follow("a::attr(data-url)")]</c> →
    /// <c>[Follow("a", Attribute = "data-url")]</c>. The diagnostic carries the CSS part and the attribute.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ScrapyPseudoElementCodeFix))]
    [Shared]
    public sealed class ScrapyPseudoElementCodeFix : DiagnosticCodeFix
    {
        /// <summary>The diagnostic this fixes.</summary>
        public const string DiagnosticId = "DS0025";

        /// <summary>The fix, for the compiler's code-fix host.</summary>
        public ScrapyPseudoElementCodeFix()
            : base(DiagnosticId)
        {
        }

        /// <inheritdoc/>
        private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
        {
            if (!diagnostic.Properties.TryGetValue(SelectorValidation.CssSelectorProperty, out var css) || css is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault() is not { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } } argument)
            {
                return;
            }

            diagnostic.Properties.TryGetValue(SelectorValidation.HtmlAttributeProperty, out var html);
            var rewritten = Rewrite(attribute, argument, css, html);
            var title = "Read " + (html is null ? "the element's text" : "its '" + html + "' attribute") + ": " + rewritten.ToString();
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => DocumentEdit.ReplaceAsync(context.Document, attribute, rewritten, ct), nameof(ScrapyPseudoElementCodeFix)),
                diagnostic);
        }

        /// <summary>The attribute with its selector argument replaced by the CSS part, reading <paramref name="html"/> if given.</summary>
        internal static AttributeSyntax Rewrite(AttributeSyntax attribute, AttributeArgumentSyntax selector, string css, string? html)
        {
            var list = attribute.ArgumentList!;
            var kind = NameOf(attribute.Name);
            var arguments = list.Arguments.Replace(selector, selector.WithExpression(Literal(css).WithTriviaFrom(selector.Expression)));
            var name = attribute.Name;
            if (html is not null)
            {
                switch (kind)
                {
                    case "Follow":
                        if (html != "href")
                        {
                            arguments = WithNamed(arguments, "Attribute", html);
                        }

                        break;
                    case "Text" or "Html" or "OuterHtml" or "Attr":
                        // [Attr(selector, attribute)], keeping any named arguments.
                        var positional = arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
                        var named = arguments.Where(a => a.NameEquals is not null || a.NameColon is not null);
                        var attributeArgument = SyntaxFactory.AttributeArgument(Literal(html));
                        arguments = SyntaxFactory.SeparatedList(new[] { positional[0], attributeArgument }.Concat(named));
                        name = Renamed(attribute.Name, "Attr");
                        break;
                }
            }

            // The code action's formatter spaces what was added (", ", " = "), and only that.
            return attribute.WithName(name).WithArgumentList(list.WithArguments(arguments)).WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static SeparatedSyntaxList<AttributeArgumentSyntax> WithNamed(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name, string value)
        {
            var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(name), null, Literal(value));
            var existing = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            return existing is null ? arguments.Add(argument) : arguments.Replace(existing, argument.WithTriviaFrom(existing));
        }

        /// <summary>The attribute's name without its namespace and its <c>Attribute</c> suffix.</summary>
        internal static string NameOf(NameSyntax name)
        {
            var simple = name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax plain => plain.Identifier.ValueText,
                _ => name.ToString(),
            };
            return simple.EndsWith("Attribute", System.StringComparison.Ordinal) ? simple.Substring(0, simple.Length - "Attribute".Length) : simple;
        }

        // The same qualification, another attribute: DeclarativeScrape.Text → DeclarativeScrape.Attr.
        private static NameSyntax Renamed(NameSyntax name, string to) => name switch
        {
            QualifiedNameSyntax qualified => qualified.WithRight(SyntaxFactory.IdentifierName(to).WithTriviaFrom(qualified.Right)),
            AliasQualifiedNameSyntax alias => alias.WithName(SyntaxFactory.IdentifierName(to).WithTriviaFrom(alias.Name)),
            _ => SyntaxFactory.IdentifierName(to).WithTriviaFrom(name),
        };

        private static LiteralExpressionSyntax Literal(string value) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));
    }
}
