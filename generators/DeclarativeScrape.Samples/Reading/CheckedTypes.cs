using System.Collections.Generic;
using System.Threading;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Generators.Parsing;
using DeclarativeScrape.Samples.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Samples.Reading
{
    /// <summary>
    /// Reads a type into a <see cref="CheckedType"/> with the generator's own parser (its diagnostics are the
    /// generator's to report), and finds where each property's sample diagnostics point.
    /// </summary>
    internal static class CheckedTypes
    {
        /// <summary>A type with <c>[Sample]</c>: the check, or DS0035 when it is not a page.</summary>
        public static (CheckedType? Type, Diagnostic? Problem) ReadSampled(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || !KnownNames.IsFirstMarkedDeclaration(type, KnownNames.Sample, context.TargetNode, cancellationToken))
            {
                return (null, null);
            }

            var location = TypeDeclarations.IdentifierLocation(context.TargetNode);
            if (KnownNames.Find(type, KnownNames.Page) is null)
            {
                return (null, DiagnosticMessages.Create(DiagnosticDescriptors.SampleOnNonPage, location, type.Name));
            }

            return (Read(type, context.TargetNode, context.SemanticModel.Compilation, samples: true, cancellationToken), null);
        }

        /// <summary>An <c>[Item]</c> type, as a nested item of the sampled pages.</summary>
        public static CheckedType? ReadItem(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            context.TargetSymbol is INamedTypeSymbol type && KnownNames.IsFirstMarkedDeclaration(type, KnownNames.Item, context.TargetNode, cancellationToken)
                ? Read(type, context.TargetNode, context.SemanticModel.Compilation, samples: false, cancellationToken)
                : null;

        /// <summary>A page or item type read with the generator's parser; <see langword="null"/> when it has no model.</summary>
        public static CheckedType? Read(INamedTypeSymbol type, SyntaxNode declaration, Compilation compilation, bool samples, CancellationToken cancellationToken)
        {
            if (ExtractableTypeParser.Read(type, declaration, compilation, cancellationToken).Model is not { } model)
            {
                return null;
            }

            var location = TypeDeclarations.IdentifierLocation(declaration);
            var anchors = new List<PropertyAnchor>();
            foreach (var property in model.Properties)
            {
                if (Anchor(type, property.Name, location, cancellationToken) is { } anchor)
                {
                    anchors.Add(new PropertyAnchor(property.Name, anchor));
                }
            }

            return new CheckedType(model, anchors.ToEquatableArray(), samples ? Samples(type, location, cancellationToken).ToEquatableArray() : EquatableArray<SampleSpec>.Empty, location);
        }

        // The selector argument of the property's extraction attribute.
        private static Location? Anchor(INamedTypeSymbol type, string name, Location fallback, CancellationToken cancellationToken)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is not IPropertySymbol property)
                {
                    continue;
                }

                foreach (var attribute in property.GetAttributes())
                {
                    if (IsExtraction(attribute.AttributeClass))
                    {
                        var arguments = new AttributeArguments(attribute, fallback, cancellationToken);
                        return arguments.LocationOf(arguments.ConstructorSyntax(0));
                    }
                }
            }

            return null;
        }

        private static bool IsExtraction(INamedTypeSymbol? attribute) =>
            KnownNames.IsOurs(attribute, KnownNames.Text)
            || KnownNames.IsOurs(attribute, KnownNames.Attr)
            || KnownNames.IsOurs(attribute, KnownNames.Html)
            || KnownNames.IsOurs(attribute, KnownNames.OuterHtml)
            || KnownNames.IsOurs(attribute, KnownNames.Items)
            || KnownNames.IsOurs(attribute, KnownNames.Follow)
            || KnownNames.IsOurs(attribute, KnownNames.PageUrl);

        private static List<SampleSpec> Samples(INamedTypeSymbol type, Location fallback, CancellationToken cancellationToken)
        {
            var samples = new List<SampleSpec>();
            foreach (var attribute in type.GetAttributes())
            {
                if (!KnownNames.IsOurs(attribute.AttributeClass, KnownNames.Sample))
                {
                    continue;
                }

                var arguments = new AttributeArguments(attribute, fallback, cancellationToken);
                if (arguments.ConstructorString(0) is not { } path)
                {
                    continue;
                }

                var declaringFile = arguments.Syntax?.SyntaxTree.FilePath ?? string.Empty;
                samples.Add(new SampleSpec(
                    path,
                    arguments.NamedString("Url"),
                    declaringFile,
                    arguments.LocationOf(arguments.ConstructorSyntax(0)),
                    arguments.LocationOf(arguments.NamedSyntax("Url"))));
            }

            return samples;
        }
    }
}
