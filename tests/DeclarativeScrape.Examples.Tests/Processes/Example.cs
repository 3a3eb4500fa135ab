using System.Reflection;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary>An example program, built by this project's build in the same configuration, run as <c>dotnet X.dll</c>.</summary>
public sealed record Example(string Name)
{
    public static readonly Example Bookstore = new("Bookstore");
    public static readonly Example Docs = new("Docs");
    public static readonly Example SharedEngine = new("SharedEngine");
    public static readonly Example Wishlist = new("Wishlist");
    public static readonly Example Sitemap = new("Sitemap");
    public static readonly Example Worker = new("Worker");

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string Configuration => Metadata("Configuration");

    public string AssemblyPath => Path.Combine(RepositoryRoot, "examples", Name, "bin", Configuration, "net10.0", Name + ".dll");

    public override string ToString() => Name;

    private static string Metadata(string key) =>
        typeof(Example).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No assembly metadata {key}.");
}
