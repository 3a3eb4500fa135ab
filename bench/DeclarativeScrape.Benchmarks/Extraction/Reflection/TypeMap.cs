using System.Reflection;

namespace DeclarativeScrape.Benchmarks.Extraction.Reflection;

/// <summary>The cached metadata of one mapped type: its extracted properties, in declaration order.</summary>
internal sealed class TypeMap
{
    private TypeMap(Type type, PropertyMap[] properties)
    {
        Type = type;
        Properties = properties;
    }

    public Type Type { get; }

    public PropertyMap[] Properties { get; }

    public static TypeMap Create(Type type)
    {
        var properties = new List<PropertyMap>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (PropertyMap.Create(property) is { } map)
            {
                properties.Add(map);
            }
        }

        return new TypeMap(type, [.. properties]);
    }
}
