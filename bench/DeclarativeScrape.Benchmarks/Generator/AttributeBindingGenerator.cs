using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Benchmarks.Generator;

/// <summary>
/// The floor under any generator that reads DeclarativeScrape's property attributes: the same
/// <c>ForAttributeWithMetadataName</c> discovery of <c>[Page]</c> and <c>[Item]</c> types, and a transform that only
/// binds what a model needs (each property's type and attributes, with their arguments) and returns a number.
/// Roslyn re-runs such a transform for every attributed type whenever the compilation changes, so this is the binding
/// an edit costs once the project has the attributes, before any parsing or emitting of DeclarativeScrape's own.
/// </summary>
public sealed class AttributeBindingGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var pages = context.SyntaxProvider.ForAttributeWithMetadataName("DeclarativeScrape.PageAttribute", static (_, _) => true, static (c, _) => Bind(c.TargetSymbol));
        var items = context.SyntaxProvider.ForAttributeWithMetadataName("DeclarativeScrape.ItemAttribute", static (_, _) => true, static (c, _) => Bind(c.TargetSymbol));
        context.RegisterSourceOutput(pages.Collect().Combine(items.Collect()), static (output, bound) =>
            output.AddSource("Bound.g.cs", "// " + (bound.Left.Sum() + bound.Right.Sum()).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static int Bind(ISymbol type)
    {
        var bound = 0;
        foreach (var member in ((INamedTypeSymbol)type).GetMembers())
        {
            if (member is not IPropertySymbol property)
            {
                continue;
            }

            bound += property.Type.TypeKind == TypeKind.Error ? 0 : 1;
            foreach (var attribute in property.GetAttributes())
            {
                bound += attribute.ConstructorArguments.Length + attribute.NamedArguments.Length;
            }
        }

        return bound;
    }
}
