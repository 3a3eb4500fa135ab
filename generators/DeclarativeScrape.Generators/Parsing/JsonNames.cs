using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>The JSON/CSV name of a property: its <c>[JsonPropertyName]</c>, else camelCase as System.Text.Json writes it.</summary>
    internal static class JsonNames
    {
        public static string For(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "JsonPropertyNameAttribute" } type
                    && type.ToDisplayString() == "System.Text.Json.Serialization.JsonPropertyNameAttribute"
                    && AttributeArguments.AsString(attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0] : (TypedConstant?)null) is { } name)
                {
                    return name;
                }
            }

            return CamelCase(property.Name);
        }

        /// <summary>System.Text.Json's camelCase: the leading run of capitals is lowered, except the last one before a lower-case letter.</summary>
        public static string CamelCase(string name)
        {
            if (name.Length == 0 || !char.IsUpper(name[0]))
            {
                return name;
            }

            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (i == 1 && !char.IsUpper(chars[i]))
                {
                    break;
                }

                var hasNext = i + 1 < chars.Length;
                if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
                {
                    if (chars[i + 1] == ' ')
                    {
                        chars[i] = char.ToLowerInvariant(chars[i]);
                    }

                    break;
                }

                chars[i] = char.ToLowerInvariant(chars[i]);
            }

            return new string(chars);
        }
    }
}
