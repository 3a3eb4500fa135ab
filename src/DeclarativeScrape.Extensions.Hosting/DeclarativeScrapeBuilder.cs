using DeclarativeScrape;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>Adds scrapers to the services; returned by <c>services.AddDeclarativeScrape()</c>.</summary>
public sealed class DeclarativeScrapeBuilder
{
    internal DeclarativeScrapeBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a scraper: <see cref="Scraper{TItem}"/> as a singleton (also keyed by the scraper's name) to run it from any
    /// service, and its <see cref="ScrapeOptions"/> named after it: the scraper's attribute values, then the configuration
    /// section <c>DeclarativeScrape:Scrapers:&lt;name&gt;</c> (for example <c>DeclarativeScrape:Scrapers:BookstoreScraper:Limits:MaxPages</c>),
    /// then <paramref name="configure"/>; validated when the host starts, so a bad value stops the start with the
    /// option's configuration key.
    /// </summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The scraper's generated <c>Plan</c> (a scraper class is static, so it is named by its plan).</param>
    /// <param name="configure">Adjusts the options after the configuration.</param>
    /// <returns>A builder to add item handlers and the background runner with.</returns>
    /// <exception cref="InvalidOperationException">A scraper of the same name was added before.</exception>
    public ScraperBuilder<TItem> AddScraper<TItem>(CrawlPlan<TItem> plan, Action<ScrapeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var name = plan.Name;
        if (Services.Any(d => d.ServiceType == typeof(ScraperRegistration) && d.ImplementationInstance is ScraperRegistration r && r.Name == name))
        {
            throw new InvalidOperationException($"The scraper '{name}' was added twice; add each scraper once.");
        }

        Services.AddSingleton(new ScraperRegistration(name, plan.CreateOptions));
        var section = ScrapeConfiguration.ScraperSection(name);
        var options = Services.AddOptions<ScrapeOptions>(name)
            .Configure<IServiceProvider>((o, provider) =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    ScrapeConfiguration.BindScraper(configuration.GetSection(section), o);
                }
            });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure<ScrapeEngine>(static (o, engine) => o.Engine ??= engine).ValidateOnStart();
        Services.AddKeyedSingleton(name, (provider, _) => new Scraper<TItem>(plan, provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsFactory<ScrapeOptions>>()));
        Services.TryAddSingleton(provider => provider.GetRequiredKeyedService<Scraper<TItem>>(name));
        return new ScraperBuilder<TItem>(Services, name);
    }
}
