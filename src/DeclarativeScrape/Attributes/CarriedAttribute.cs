namespace DeclarativeScrape;

/// <summary>
/// The property's value comes from the page that linked to this one: the value of the linking page's property of the
/// same name, named in that link's <see cref="FollowAttribute.Carry"/> (or <see cref="FollowLinksAttribute.Carry"/>).
/// A listing's category carried into each book it links to, without globals and without reflection: the generator
/// checks at compile time that the names and types agree. A required (non-nullable) carried property of a page reached
/// by a link that did not carry it (a start URL, a link of a failed page) is an extraction failure; an optional one is
/// <see langword="null"/>. Types: <see cref="string"/>, numbers, <see cref="bool"/>, dates, <see cref="Uri"/>, enums, and
/// their nullable forms.
/// </summary>
/// <example>
/// <code>
/// [Follow("article h3 a", Carry = [nameof(Category)])] public IReadOnlyList&lt;Link&lt;BookPage&gt;&gt; Books { get; init; } = [];
/// // on BookPage:
/// [Carried] public string? Category { get; init; }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class CarriedAttribute : Attribute
{
}
