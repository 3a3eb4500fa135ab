using DeclarativeScrape;
using Microsoft.Extensions.Options;

namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>Validates each scraper's options when the host starts (<c>ValidateOnStart</c>) and when a run takes them, naming the configuration key of a bad one.</summary>
internal sealed class ScrapeOptionsValidator(IEnumerable<ScraperRegistration> scrapers) : IValidateOptions<ScrapeOptions>
{
    public ValidateOptionsResult Validate(string? name, ScrapeOptions options)
    {
        if (name is null || !scrapers.Any(s => string.Equals(s.Name, name, StringComparison.Ordinal)))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ScrapeOptionsException exception)
        {
            return ValidateOptionsResult.Fail(ScrapeConfiguration.Describe(ScrapeConfiguration.ScraperSection(name), exception));
        }
    }
}
