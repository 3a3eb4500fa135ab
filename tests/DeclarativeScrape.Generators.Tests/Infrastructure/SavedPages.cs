namespace DeclarativeScrape.Generators.Tests.Infrastructure;

/// <summary>The saved HTML pages under Pages/, with the URLs they were "fetched" from.</summary>
public static class SavedPages
{
    public static readonly Uri BookUrl = new("http://127.0.0.1:5080/catalogue/a-light-in-the-attic_1000/index.html");
    public static readonly Uri CatalogueUrl = new("http://127.0.0.1:5080/catalogue/page-1.html");

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages", name));
}
