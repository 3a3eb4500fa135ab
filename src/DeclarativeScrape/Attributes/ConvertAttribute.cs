namespace DeclarativeScrape;

/// <summary>
/// Converts the extracted text with a method of your own instead of the built-in conversion. The method is a
/// <see langword="static"/> member of <see cref="ConverterType"/>, accessible from the generated code, with one of
/// these shapes, where <c>T</c> is the property type (or its element type for a collection):
/// <c>static T Name(string value)</c> or <c>static bool Name(string value, out T result)</c>.
/// An exception thrown by the converter is recorded as an extraction failure of the page.
/// </summary>
/// <example><c>[Text("span.weight"), Convert(typeof(Units), nameof(Units.ParseGrams))] public int Grams { get; init; }</c></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ConvertAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="converterType">The type declaring the converter method.</param>
    /// <param name="methodName">The method's name; prefer <c>nameof</c>.</param>
    public ConvertAttribute(Type converterType, string methodName)
    {
        ConverterType = converterType;
        MethodName = methodName;
    }

    /// <summary>The type declaring the converter method.</summary>
    public Type ConverterType { get; }

    /// <summary>The converter method's name.</summary>
    public string MethodName { get; }
}
