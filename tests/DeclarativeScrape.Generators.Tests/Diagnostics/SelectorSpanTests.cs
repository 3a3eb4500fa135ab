using DeclarativeScrape.Generators.Parsing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeclarativeScrape.Generators.Tests.Diagnostics;

/// <summary>DS0002 narrows to the offending characters when the literal maps one to one onto the selector.</summary>
public sealed class SelectorSpanTests
{
    [Theory]
    [InlineData("\"div[\"", 3, 1, "[")]
    [InlineData("@\"div > > p\"", 6, 1, ">")]
    [InlineData("\"a:nope(1)\"", 1, 5, ":nope")]
    public void A_plain_literal_is_narrowed_to_the_error(string literal, int offset, int length, string marked)
    {
        var expression = ParseLiteral(literal);

        var location = SelectorValidation.Narrow(expression, offset, length);

        location.ShouldNotBeNull();
        expression.SyntaxTree.GetText().ToString(location.SourceSpan).ShouldBe(marked);
    }

    [Theory]
    [InlineData("\"div\\t[\"")]
    [InlineData("@\"a[title=\"\"x\"\"\"")]
    [InlineData("\"\"\"div[\"\"\"")]
    public void A_literal_with_escapes_or_raw_quotes_is_not_narrowed(string literal)
    {
        SelectorValidation.Narrow(ParseLiteral(literal), 1, 1).ShouldBeNull();
    }

    private static ExpressionSyntax ParseLiteral(string literal)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { string s = " + literal + "; }");
        return tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single();
    }
}
