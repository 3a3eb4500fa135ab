using System.Diagnostics.CodeAnalysis;
using DeclarativeScrape;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>Configures one scraper added with <see cref="DeclarativeScrapeBuilder.AddScraper{TItem}"/>.</summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
public sealed class ScraperBuilder<TItem>
{
    internal ScraperBuilder(IServiceCollection services, string name)
    {
        Services = services;
        Name = name;
    }

    /// <summary>The services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The scraper's name: its class name, the name of its options and its configuration section.</summary>
    public string Name { get; }

    /// <summary>Adjusts the scraper's options (after the configuration and earlier callbacks).</summary>
    /// <param name="configure">The adjustment.</param>
    /// <returns>This builder.</returns>
    public ScraperBuilder<TItem> Configure(Action<ScrapeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(Name, configure);
        return this;
    }

    /// <summary>
    /// Adds a handler the background runner (<see cref="RunInBackground"/>) gives each item to, in order, resolved from
    /// a scope of its own for each run (so it may take scoped services such as a DbContext). Several handlers each get
    /// every item.
    /// </summary>
    /// <typeparam name="THandler">The handler's type.</typeparam>
    /// <returns>This builder.</returns>
    public ScraperBuilder<TItem> AddItemHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IScrapeItemHandler<TItem>
    {
        Services.AddKeyedScoped<IScrapeItemHandler<TItem>, THandler>(Name);
        return this;
    }

    /// <summary>
    /// Runs the scraper when the host starts, as a <see cref="BackgroundService"/>. When the host stops (Ctrl+C,
    /// SIGTERM, <see cref="IHostApplicationLifetime.StopApplication"/>), the run stops gracefully: no new requests, the
    /// requests in flight finish within the scraper's <c>Timeouts.Drain</c>; if the host's <c>ShutdownTimeout</c>
    /// (30 s by default) runs out first, they are cancelled. Items go to the handlers added with
    /// <see cref="AddItemHandler{THandler}"/> and to <c>OutputPath</c> when it is set.
    /// </summary>
    /// <param name="configure">The runner's options (by default the application stops when every background scraper has finished).</param>
    /// <returns>This builder.</returns>
    public ScraperBuilder<TItem> RunInBackground(Action<ScraperWorkerOptions>? configure = null)
    {
        var options = new ScraperWorkerOptions();
        configure?.Invoke(options);
        if (options.StopApplicationWhenDone)
        {
            Services.AddSingleton(new StopWhenDone(Name));
        }

        Services.TryAddSingleton<StopWhenDoneCountdown>();

        var name = Name;
        Services.AddSingleton<IHostedService>(provider => new ScraperWorker<TItem>(
            provider.GetRequiredKeyedService<Scraper<TItem>>(name),
            options,
            provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<StopWhenDoneCountdown>(),
            provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        return this;
    }
}
