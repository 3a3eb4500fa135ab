namespace DeclarativeScrape;

/// <summary>Sets the property (<see cref="Uri"/> or <see cref="string"/>) to the URL the page was fetched from, after redirects.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class PageUrlAttribute : Attribute;
