using DeclarativeScrape;
using Microsoft.Extensions.Options;

namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>
/// Creates a scraper's named <see cref="ScrapeOptions"/> from its attribute values (the generated plan's
/// <c>CreateOptions()</c>) instead of an empty instance; configuration, <c>Configure</c> callbacks and validation then
/// apply as to any options.
/// </summary>
internal sealed class ScrapeOptionsFactory(
    IEnumerable<IConfigureOptions<ScrapeOptions>> setups,
    IEnumerable<IPostConfigureOptions<ScrapeOptions>> postConfigures,
    IEnumerable<IValidateOptions<ScrapeOptions>> validations,
    IEnumerable<ScraperRegistration> scrapers)
    : OptionsFactory<ScrapeOptions>(setups, postConfigures, validations)
{
    protected override ScrapeOptions CreateInstance(string name)
    {
        foreach (var scraper in scrapers)
        {
            if (string.Equals(scraper.Name, name, StringComparison.Ordinal))
            {
                return scraper.CreateOptions();
            }
        }

        return base.CreateInstance(name);
    }
}
