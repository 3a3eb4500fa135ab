using System.Diagnostics.Metrics;
using DeclarativeScrape;
using DeclarativeScrape.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers DeclarativeScrape with a service collection (the Generic Host's, ASP.NET Core's).</summary>
public static class DeclarativeScrapeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the scrape engine as a singleton: its <see cref="EngineOptions"/> bound from the configuration section
    /// <c>DeclarativeScrape:Engine</c> (appsettings.json, environment variables such as
    /// <c>DeclarativeScrape__Engine__MaxConcurrency</c>, the command line) and validated when the host starts; its logs
    /// through the container's <see cref="ILoggerFactory"/>, its metrics on the container's <see cref="IMeterFactory"/>,
    /// its clock the container's <see cref="TimeProvider"/> when there is one. Calling it again adds nothing more.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the engine's options after the configuration.</param>
    /// <returns>A builder to add scrapers with (<see cref="DeclarativeScrapeBuilder.AddScraper{TItem}"/>).</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddDeclarativeScrape()
    ///     .AddScraper(BookstoreScraper.Plan)
    ///     .AddItemHandler&lt;SaveBook&gt;()
    ///     .RunInBackground();
    /// </code>
    /// </example>
    public static DeclarativeScrapeBuilder AddDeclarativeScrape(this IServiceCollection services, Action<EngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(static d => d.ServiceType == typeof(EngineRegistration)))
        {
            services.AddSingleton<EngineRegistration>();
            services.AddOptions<EngineOptions>()
                .Configure<IServiceProvider>(static (options, provider) =>
                {
                    if (provider.GetService<IConfiguration>() is { } configuration)
                    {
                        ScrapeConfiguration.BindEngine(configuration.GetSection(ScrapeConfiguration.EngineSection), options);
                    }
                })
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>());
            services.TryAddSingleton(static provider =>
            {
                var options = provider.GetRequiredService<IOptions<EngineOptions>>().Value;
                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                options.MeterFactory ??= provider.GetService<IMeterFactory>();
                options.TimeProvider ??= provider.GetService<TimeProvider>();
                return new ScrapeEngine(options);
            });
            services.TryAddTransient<IOptionsFactory<ScrapeOptions>, ScrapeOptionsFactory>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScrapeOptions>, ScrapeOptionsValidator>());
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new DeclarativeScrapeBuilder(services);
    }

    /// <summary>Marks that <see cref="AddDeclarativeScrape"/> ran.</summary>
    private sealed class EngineRegistration;
}
