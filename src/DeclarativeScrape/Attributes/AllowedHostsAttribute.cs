namespace DeclarativeScrape;

/// <summary>
/// Limits the crawl to these host names (compared case-insensitively; <c>*.example.com</c> allows
/// <c>example.com</c> and every subdomain; <c>example.com:8080</c> allows one port). Links and redirects to any other host are skipped with <see cref="SkipReason.OutOfScope"/>.
/// Without this attribute, the hosts of the start URLs are the scope.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AllowedHostsAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="hosts">Host names, for example <c>"books.example.com"</c> or <c>"*.example.com"</c>.</param>
    public AllowedHostsAttribute(params string[] hosts) => Hosts = hosts;

    /// <summary>The allowed host names.</summary>
    public string[] Hosts { get; }
}
