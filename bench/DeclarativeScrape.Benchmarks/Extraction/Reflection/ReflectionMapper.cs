using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace DeclarativeScrape.Benchmarks.Extraction.Reflection;

/// <summary>
/// A reflection-based attribute mapper of the kind popular scraping libraries ship, reading the same DeclarativeScrape
/// attributes at run time. It is not a straw man: per-type metadata (each <see cref="System.Reflection.PropertyInfo"/>,
/// the attribute values, the <see cref="System.ComponentModel.TypeConverter"/>, compiled <c>[Match]</c> patterns) is read
/// once and cached. What remains is what such a library does per page: selectors evaluated with AngleSharp's string
/// <c>QuerySelector</c>/<c>QuerySelectorAll</c> (parsed on every call), text cleaned with a regex, values converted
/// through the <see cref="System.ComponentModel.TypeConverter"/> path (numbers stripped of symbols first, enums by
/// <see cref="Enum.Parse(Type, string, bool)"/>), instances made with <see cref="Activator"/> and filled with
/// <see cref="System.Reflection.PropertyInfo.SetValue(object, object)"/>. Missing values are left at their defaults.
/// </summary>
public static class ReflectionMapper
{
    private static readonly ConcurrentDictionary<Type, TypeMap> Maps = new();
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private static readonly Regex NotNumeric = new(@"[^0-9.\-]", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>Maps <paramref name="scope"/> to a <typeparamref name="T"/> by the attributes on its properties.</summary>
    /// <typeparam name="T">The attributed type.</typeparam>
    /// <param name="scope">The document (or element) the selectors are evaluated against.</param>
    /// <param name="pageUrl">The page URL: the <c>[PageUrl]</c> value, and what relative URLs resolve against.</param>
    /// <returns>The mapped instance.</returns>
    public static T Map<T>(IParentNode scope, Uri pageUrl) => (T)Map(typeof(T), scope, pageUrl);

    private static object Map(Type type, IParentNode scope, Uri pageUrl)
    {
        var map = Maps.GetOrAdd(type, TypeMap.Create);
        var instance = Activator.CreateInstance(map.Type)!;
        foreach (var property in map.Properties)
        {
            if (Read(property, scope, pageUrl) is { } value)
            {
                property.Property.SetValue(instance, value);
            }
        }

        return instance;
    }

    private static object? Read(PropertyMap property, IParentNode scope, Uri pageUrl)
    {
        switch (property.Source)
        {
            case ReflectionSource.PageUrl:
                return property.TargetType == typeof(string) ? pageUrl.AbsoluteUri : pageUrl;
            case ReflectionSource.Items:
                var items = property.CreateList();
                foreach (var element in scope.QuerySelectorAll(property.Selector))
                {
                    items.Add(Map(property.TargetType, element, pageUrl));
                }

                return property.IsList ? items : items.Count > 0 ? items[0] : null;
        }

        if (property.IsList)
        {
            var values = property.CreateList();
            foreach (var element in scope.QuerySelectorAll(property.Selector))
            {
                if (ReadValue(property, element, pageUrl) is { } value)
                {
                    values.Add(value);
                }
            }

            return values;
        }

        return scope.QuerySelector(property.Selector) is { } match ? ReadValue(property, match, pageUrl) : null;
    }

    private static object? ReadValue(PropertyMap property, IElement element, Uri pageUrl)
    {
        var raw = property.Source == ReflectionSource.Text
            ? Whitespace.Replace(element.TextContent, " ").Trim()
            : element.GetAttribute(property.AttributeName!);
        if (raw is null)
        {
            return null;
        }

        if (property.Pattern is { } pattern)
        {
            var match = pattern.Match(raw);
            if (!match.Success)
            {
                return null;
            }

            raw = match.Groups["value"] is { Success: true } named ? named.Value : match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
        }

        return Convert(property, raw, pageUrl);
    }

    private static object? Convert(PropertyMap property, string raw, Uri pageUrl)
    {
        var type = property.TargetType;
        if (type == typeof(string))
        {
            return raw;
        }

        if (type == typeof(Uri))
        {
            return Uri.TryCreate(pageUrl, raw, out var url) ? url : null;
        }

        if (type.IsEnum)
        {
            return Enum.Parse(type, raw, ignoreCase: true);
        }

        if (property.Format is { } format)
        {
            return type == typeof(DateTimeOffset)
                ? DateTimeOffset.ParseExact(raw, format, CultureInfo.InvariantCulture)
                : (object)DateTime.ParseExact(raw, format, CultureInfo.InvariantCulture);
        }

        return property.Converter.ConvertFromInvariantString(property.IsNumber ? NotNumeric.Replace(raw, "") : raw);
    }
}
