using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;

namespace DeclarativeScrape.Benchmarks.Extraction.Reflection;

/// <summary>
/// Everything the <see cref="ReflectionMapper"/> knows about one property, read once by reflection and cached: the
/// <see cref="PropertyInfo"/> it sets, the attribute values, the target type, its <see cref="TypeConverter"/>, a
/// compiled <see cref="Regex"/> for <c>[Match]</c> and, for lists, the element type and a list constructor.
/// </summary>
internal sealed class PropertyMap
{
    private PropertyMap(PropertyInfo property, ReflectionSource source)
    {
        Property = property;
        Source = source;
        var type = property.PropertyType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            IsList = true;
            type = type.GetGenericArguments()[0];
            ListType = typeof(List<>).MakeGenericType(type);
        }

        TargetType = Nullable.GetUnderlyingType(type) ?? type;
        Converter = TypeDescriptor.GetConverter(TargetType);
        IsNumber = TargetType == typeof(int) || TargetType == typeof(long) || TargetType == typeof(decimal) || TargetType == typeof(double);
    }

    public PropertyInfo Property { get; }

    public ReflectionSource Source { get; }

    public string Selector { get; private init; } = "";

    public string? AttributeName { get; private init; }

    public Regex? Pattern { get; private init; }

    public string? Format { get; private init; }

    /// <summary>The property type, or its element type for a list, without <see cref="Nullable{T}"/>.</summary>
    public Type TargetType { get; }

    public TypeConverter Converter { get; }

    public bool IsNumber { get; }

    public bool IsList { get; }

    public Type? ListType { get; }

    /// <summary>The property's map, or <see langword="null"/> when it has no extraction attribute.</summary>
    public static PropertyMap? Create(PropertyInfo property)
    {
        var pattern = property.GetCustomAttribute<MatchAttribute>() is { } match
            ? new Regex(match.Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled)
            : null;
        var format = property.GetCustomAttribute<FormatAttribute>()?.Format;
        if (property.GetCustomAttribute<TextAttribute>() is { } text)
        {
            return new PropertyMap(property, ReflectionSource.Text) { Selector = text.Selector, Pattern = pattern, Format = format };
        }

        if (property.GetCustomAttribute<AttrAttribute>() is { } attr)
        {
            return new PropertyMap(property, ReflectionSource.Attribute) { Selector = attr.Selector, AttributeName = attr.Name, Pattern = pattern, Format = format };
        }

        if (property.GetCustomAttribute<ItemsAttribute>() is { } items)
        {
            return new PropertyMap(property, ReflectionSource.Items) { Selector = items.Selector };
        }

        return property.GetCustomAttribute<PageUrlAttribute>() is not null ? new PropertyMap(property, ReflectionSource.PageUrl) : null;
    }

    /// <summary>A new, empty list for the property (a <c>List&lt;T&gt;</c> of the element type).</summary>
    public IList CreateList() => (IList)Activator.CreateInstance(ListType!)!;
}
