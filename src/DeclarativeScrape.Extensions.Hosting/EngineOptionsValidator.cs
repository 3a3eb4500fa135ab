using DeclarativeScrape;
using Microsoft.Extensions.Options;

namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>Validates the engine's options when the host starts (<c>ValidateOnStart</c>), naming the configuration key of a bad one.</summary>
internal sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ScrapeOptionsException exception)
        {
            return ValidateOptionsResult.Fail(ScrapeConfiguration.Describe(ScrapeConfiguration.EngineSection, exception));
        }
    }
}
