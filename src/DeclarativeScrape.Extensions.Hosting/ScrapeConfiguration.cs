using DeclarativeScrape;
using Microsoft.Extensions.Configuration;

namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>
/// Where the options live in configuration, and how they are bound (by the configuration binding source generator: no
/// reflection). A list given in configuration (<c>StartUrls</c>, <c>AllowedHosts</c>, <c>Proxies</c>) replaces the
/// attribute's instead of being appended to it; <c>Headers</c> add to the attribute's.
/// </summary>
internal static class ScrapeConfiguration
{
    public const string Root = "DeclarativeScrape";

    public const string EngineSection = Root + ":Engine";

    /// <summary>The section of a scraper's options: <c>DeclarativeScrape:Scrapers:&lt;name&gt;</c>.</summary>
    public static string ScraperSection(string name) => $"{Root}:Scrapers:{name}";

    public static void BindEngine(IConfigurationSection section, EngineOptions options)
    {
        if (section.GetSection(nameof(EngineOptions.Proxies)).Exists())
        {
            options.Proxies = new List<Uri>();
        }

        section.Bind(options);
    }

    public static void BindScraper(IConfigurationSection section, ScrapeOptions options)
    {
        if (section.GetSection(nameof(ScrapeOptions.StartUrls)).Exists())
        {
            options.StartUrls = new List<Uri>();
        }

        if (section.GetSection(nameof(ScrapeOptions.AllowedHosts)).Exists())
        {
            options.AllowedHosts = new List<string>();
        }

        section.Bind(options);
    }

    /// <summary>An option's configuration key: <c>Concurrency.PerHost</c> → <c>DeclarativeScrape:Scrapers:Shop:Concurrency:PerHost</c>, <c>StartUrls[0]</c> → <c>…:StartUrls:0</c>.</summary>
    public static string KeyOf(string section, string optionName) =>
        section + ":" + optionName.Replace("]", "", StringComparison.Ordinal).Replace('[', ':').Replace('.', ':');

    /// <summary>"Option 'DeclarativeScrape:Scrapers:Shop:Concurrency:PerHost' (Concurrency.PerHost): must be …".</summary>
    public static string Describe(string section, ScrapeOptionsException exception)
    {
        var prefix = $"Option '{exception.OptionName}': ";
        var detail = exception.Message.StartsWith(prefix, StringComparison.Ordinal) ? exception.Message[prefix.Length..] : exception.Message;
        return $"Option '{KeyOf(section, exception.OptionName)}' ({exception.OptionName}): {detail}";
    }
}
