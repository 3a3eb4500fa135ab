using System.Text;
using System.Text.Json;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// The script shop's JSON answers and ground truth, written with <see cref="Utf8JsonWriter"/> (no reflection: the demo
/// sites go into Native AOT publishes of the examples). The escaping is the serializer's default.
/// </summary>
internal static class ScriptShopJson
{
    /// <summary><c>{"title":…,"price":…,"sku":…}</c>, for <c>/api/product/N.json</c>.</summary>
    public static string Product(string title, string price, string sku) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("title", title);
        w.WriteString("price", price);
        w.WriteString("sku", sku);
        w.WriteEndObject();
    });

    /// <summary>A JSON array of strings, for <c>/api/more/N.json</c>.</summary>
    public static string Strings(IEnumerable<string> values) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    });

    /// <summary><c>{"products":[{"id":…,"title":…}],"next":N|null}</c>, for <c>/api/page-N.json</c>.</summary>
    public static string Listing(IEnumerable<ScriptProductEntry> products, int? next) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("products");
        foreach (var p in products)
        {
            w.WriteStartObject();
            w.WriteNumber("id", p.Id);
            w.WriteString("title", p.Title);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (next is { } n)
        {
            w.WriteNumber("next", n);
        }
        else
        {
            w.WriteNull("next");
        }

        w.WriteEndObject();
    });

    /// <summary>One ground-truth line: <c>{"url":…,"title":…,"price":…,"sku":…,"scriptOnly":…}</c>.</summary>
    public static string Expected(ScriptProduct p) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("url", p.Url.AbsoluteUri);
        w.WriteString("title", p.Title);
        w.WriteNumber("price", p.Price);
        w.WriteString("sku", p.Sku);
        w.WriteBoolean("scriptOnly", p.ScriptOnly);
        w.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
