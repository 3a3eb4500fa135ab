using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// Reads an attribute's arguments defensively (missing arguments, wrong constant kinds, nulls and error types all
    /// read as "absent") and finds the syntax of each argument, so diagnostics point at the offending argument.
    /// </summary>
    internal sealed class AttributeArguments
    {
        private readonly AttributeData _attribute;
        private readonly Location _fallback;

        public AttributeArguments(AttributeData attribute, Location fallback, CancellationToken cancellationToken)
        {
            _attribute = attribute;
            Syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            _fallback = fallback;
        }

        public AttributeSyntax? Syntax { get; }

        /// <summary>The whole attribute, or the fallback when it has no syntax.</summary>
        public Location Location => Syntax?.GetLocation() ?? _fallback;

        /// <summary>Whether the attribute bound to a constructor (it did not when arguments are missing or mistyped).</summary>
        public bool IsBound => _attribute.AttributeConstructor is not null;

        public TypedConstant? Constructor(int index)
        {
            var arguments = _attribute.ConstructorArguments;
            if (!IsBound || index < 0 || index >= arguments.Length)
            {
                return null;
            }

            return arguments[index];
        }

        public TypedConstant? Named(string name)
        {
            foreach (var pair in _attribute.NamedArguments)
            {
                if (pair.Key == name)
                {
                    return pair.Value;
                }
            }

            return null;
        }

        public string? ConstructorString(int index) => AsString(Constructor(index));

        public string? NamedString(string name) => AsString(Named(name));

        public int? NamedInt(string name) => Named(name) is { Kind: TypedConstantKind.Primitive, Value: int value } ? value : (int?)null;

        public long? NamedLong(string name) => Named(name) switch
        {
            { Kind: TypedConstantKind.Primitive, Value: long value } => value,
            { Kind: TypedConstantKind.Primitive, Value: int value } => value,
            _ => null,
        };

        public double? NamedDouble(string name) => Named(name) switch
        {
            { Kind: TypedConstantKind.Primitive, Value: double value } => value,
            { Kind: TypedConstantKind.Primitive, Value: float value } => value,
            { Kind: TypedConstantKind.Primitive, Value: int value } => value,
            _ => null,
        };

        public bool? NamedBool(string name) => Named(name) is { Kind: TypedConstantKind.Primitive, Value: bool value } ? value : (bool?)null;

        public ITypeSymbol? NamedType(string name) => Named(name) is { Kind: TypedConstantKind.Type, Value: ITypeSymbol type } ? type : null;

        public ITypeSymbol? ConstructorType(int index) => Constructor(index) is { Kind: TypedConstantKind.Type, Value: ITypeSymbol type } ? type : null;

        /// <summary>The elements of an array argument; <see langword="null"/> when absent or null. Elements keep their own kinds (a null element stays in place).</summary>
        public static ImmutableArray<TypedConstant>? Array(TypedConstant? constant) =>
            constant is { Kind: TypedConstantKind.Array, IsNull: false } array ? array.Values : (ImmutableArray<TypedConstant>?)null;

        public static string? AsString(TypedConstant? constant) =>
            constant is { Kind: TypedConstantKind.Primitive, Value: string value } ? value : null;

        public static int? AsInt(TypedConstant? constant) =>
            constant is { Kind: TypedConstantKind.Primitive, Value: int value } ? value : (int?)null;

        /// <summary>The syntax of constructor argument <paramref name="index"/> (by name when written <c>name: value</c>).</summary>
        public ExpressionSyntax? ConstructorSyntax(int index)
        {
            var parameterName = _attribute.AttributeConstructor is { } constructor && index < constructor.Parameters.Length
                ? constructor.Parameters[index].Name
                : null;
            var arguments = Syntax?.ArgumentList?.Arguments;
            if (arguments is null)
            {
                return null;
            }

            var position = 0;
            foreach (var argument in arguments.Value)
            {
                if (argument.NameEquals is not null)
                {
                    continue;
                }

                if (argument.NameColon is { } nameColon)
                {
                    if (nameColon.Name.Identifier.ValueText == parameterName)
                    {
                        return argument.Expression;
                    }

                    continue;
                }

                if (position == index)
                {
                    return argument.Expression;
                }

                position++;
            }

            return null;
        }

        /// <summary>The syntax of element <paramref name="index"/> of a <c>params</c> constructor argument.</summary>
        public ExpressionSyntax? ParamsElementSyntax(int parameterIndex, int index)
        {
            var first = ConstructorSyntax(parameterIndex);
            if (first is null)
            {
                return null;
            }

            var elements = ArrayElements(first);
            if (elements is not null)
            {
                return index < elements.Count ? elements[index] : first;
            }

            return ConstructorSyntax(parameterIndex + index) ?? first;
        }

        public ExpressionSyntax? NamedSyntax(string name)
        {
            var arguments = Syntax?.ArgumentList?.Arguments;
            if (arguments is null)
            {
                return null;
            }

            foreach (var argument in arguments.Value)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression;
                }
            }

            return null;
        }

        /// <summary>The syntax of element <paramref name="index"/> of a named array argument, or of the argument.</summary>
        public ExpressionSyntax? NamedElementSyntax(string name, int index)
        {
            var expression = NamedSyntax(name);
            var elements = expression is null ? null : ArrayElements(expression);
            return elements is not null && index < elements.Count ? elements[index] : expression;
        }

        public Location LocationOf(ExpressionSyntax? expression) => expression?.GetLocation() ?? Location;

        private static IReadOnlyList<ExpressionSyntax>? ArrayElements(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return implicitArray.Initializer.Expressions;
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    return initializer.Expressions;
                case CollectionExpressionSyntax collection:
                    var list = new List<ExpressionSyntax>();
                    foreach (var element in collection.Elements)
                    {
                        if (element is ExpressionElementSyntax expressionElement)
                        {
                            list.Add(expressionElement.Expression);
                        }
                    }

                    return list;
                default:
                    return null;
            }
        }
    }
}
