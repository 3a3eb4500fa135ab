using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Hosting;

/// <summary>
/// One command-line run: parse the arguments, build the options (scraper defaults, then the caller's
/// <c>configure</c>, then an embedded site when no <c>--url</c> is given, then the command line), start the run,
/// show progress, write items to standard output if asked, and print the summary and the <c>RESULT</c> line.
/// </summary>
internal sealed class HostRunner(HostConsole console, bool registerSignals, Func<ICrawlStarter>? createStarter = null)
{
    /// <summary>How often the live display refreshes.</summary>
    public TimeSpan LiveRefresh { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a progress line is written when standard error is not a terminal.</summary>
    public TimeSpan LineInterval { get; init; } = TimeSpan.FromSeconds(5);

    public async Task<int> RunAsync<TItem>(
        CrawlPlan<TItem> plan,
        IReadOnlyList<string> args,
        Action<ScrapeOptions>? configure,
        Func<int, CancellationToken, Task<IEmbeddedSite>>? startEmbeddedSite,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(args);
        var commandLine = new HostCommandLine(plan.Name, VersionText(plan.Name));
        var parse = commandLine.Parse(args);
        if (parse.Action is ParseErrorAction || parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"error: {error.Message}");
            }

            console.Error.WriteLine("Run with --help to see the options.");
            return ExitCodes.Usage;
        }

        if (parse.Action is not null and not HostCommandLine.RunAction)
        {
            // --help or --version.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Output, Error = console.Error, ProcessTerminationTimeout = null }, cancellationToken)
                .ConfigureAwait(false);
        }

        if (commandLine.ProbeCommand(parse) is { } probe)
        {
            return await new ProbeRunner(console).RunAsync(plan, configure, probe, cancellationToken).ConfigureAwait(false);
        }

        if (commandLine.StateCommand(parse) is { } stateCommand)
        {
            return await RunStateCommandAsync(plan, configure, stateCommand, cancellationToken).ConfigureAwait(false);
        }

        var settings = commandLine.Read(parse);
        var mode = ReportMode.Lines;
        var drain = TimeSpan.FromSeconds(TimeoutOptions.DefaultDrainSeconds);
        ICrawlControl? running = null;
        using var stop = new StopSignals(
            cancellationToken,
            registerSignals,
            onGraceful: reason => console.WriteLine(StopMessages.Graceful(reason, drain)),
            onCancelRequests: reason =>
            {
                console.WriteLine(StopMessages.CancelRequests(reason));
                Volatile.Read(ref running)?.StopNow();
            },
            onImmediate: reason => QuitAtOnce(reason, mode));
        IEmbeddedSite? site = null;
        await using var starter = (createStarter ?? (static () => new EngineCrawlStarter()))();
        try
        {
            var options = plan.CreateOptions();
            configure?.Invoke(options);
            if (settings.Urls.Count == 0 && startEmbeddedSite is not null)
            {
                // A state directory remembers the site's port; a crawl shared in a database (--state postgresql://…) does not.
                var stateDirectory = settings.State is { } state ? (StateUris.IsUri(state) ? null : state) : options.StateDirectory;
                site = await EmbeddedSiteAddress.StartAsync(startEmbeddedSite, stateDirectory, stop.Token).ConfigureAwait(false);
                OptionsBuilder.UseEmbeddedSite(options, site.StartUrl);
            }

            OptionsBuilder.Apply(settings, options);
            // A worker of a shared crawl streams nothing unless asked (its items are in the database; export writes them).
            var itemsToStandardOutput = settings.OutToStandardOutput || (settings.Out is null && options.OutputPath is null && options.StateDatabase is null && console.OutputIsRedirected);
            CheckOutputFormat(plan, options);
            options.Validate();
            drain = options.Timeouts.Drain;

            mode = ReportModes.Choose(settings.Quiet, console.LiveConsole is not null, itemsToStandardOutput && !console.OutputIsRedirected);
            var output = itemsToStandardOutput ? "standard output" : options.OutputPath;
            if (!settings.Quiet)
            {
                foreach (var line in StartBanner.Lines(plan.Name, options, output, site?.StartUrl))
                {
                    console.WriteLine(line);
                }
            }

            using var loggerFactory = new HostLoggerFactory(console, settings.Verbose ? LogLevel.Information : settings.Quiet ? LogLevel.Error : LogLevel.Warning);
            var crawl = starter.Start(plan, options, loggerFactory, stop.Token);
            Volatile.Write(ref running, crawl);
            var report = await CrawlAsync(crawl, plan, settings, mode, itemsToStandardOutput, output, stop).ConfigureAwait(false);
            foreach (var line in SummaryText.Lines(report))
            {
                console.Error.WriteLine(line);
            }

            console.Error.WriteLine(ResultLine.Format(report));
            return report.ExitCode;
        }
        catch (ScrapeOptionsException e)
        {
            var argument = OptionsBuilder.ArgumentFor(settings, e.OptionName);
            console.Error.WriteLine(argument is null ? $"error: {e.Message}" : $"error: {e.Message} (from {argument})");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            console.Error.WriteLine("Stopped before the crawl started.");
            return new RunReport(EmptySummary(plan.Name), 0, stop.Reason, null).ExitCode;
        }
        catch (Exception e)
        {
            console.Error.WriteLine(settings.Verbose ? $"error: {e}" : $"error: {e.Message} ({e.GetType().Name}; --verbose shows the stack trace)");
            return ExitCodes.Failed;
        }
        finally
        {
            if (site is not null)
            {
                await site.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<RunReport> CrawlAsync<TItem>(
        ICrawl<TItem> run, CrawlPlan<TItem> plan, HostSettings settings, ReportMode mode, bool itemsToStandardOutput, string? output, StopSignals stop)
    {
        await using (run.ConfigureAwait(false))
        {
            using var progressDone = new CancellationTokenSource();
            var reporter = new ProgressReporter(mode, console, plan.Name) { LiveRefresh = LiveRefresh, LineInterval = LineInterval };
            var showing = reporter.RunAsync(run.GetProgress, () => stop.Token.IsCancellationRequested, progressDone.Token);
            ScrapeSummary summary;
            try
            {
                using var items = itemsToStandardOutput ? new StreamItemWriter<TItem>(plan.Format, console.OpenStandardOutput()) : null;
                await foreach (var e in run.ReadEventsAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    if (e.TryGetItem(out var item))
                    {
                        if (items is not null && !items.TryWrite(item, out var error))
                        {
                            console.WriteLine($"An item could not be written to standard output ({error.GetType().Name}: {error.Message}); it is left out.");
                        }
                    }
                    else if (settings.Verbose && e.Outcome is { Kind: OutcomeKind.Failed } failure)
                    {
                        console.WriteLine(SummaryText.Describe(failure));
                    }
                }

                summary = await run.Completion.ConfigureAwait(false);
            }
            finally
            {
                await progressDone.CancelAsync().ConfigureAwait(false);
                await showing.ConfigureAwait(false);
            }

            return new RunReport(summary, run.GetProgress().PagesFetched, stop.Reason, output);
        }
    }

    /// <summary>
    /// <c>export</c> and <c>status</c>: read a crawl's state without running it (<see cref="CrawlState"/>): a state
    /// directory between runs, or a crawl shared in a database (through the state provider the program's
    /// <c>configure</c> registers, <c>options.UsePostgreSql()</c>) without joining it.
    /// </summary>
    private async Task<int> RunStateCommandAsync<TItem>(CrawlPlan<TItem> plan, Action<ScrapeOptions>? configure, (string Command, string State, string? Out) command, CancellationToken cancellationToken)
    {
        try
        {
            var options = plan.CreateOptions();
            configure?.Invoke(options);
            var database = StateUris.IsUri(command.State);
            options.StateDirectory = database ? null : command.State;
            options.StateDatabase = database ? command.State : null;
            if (command.Out is { } path)
            {
                var items = await CrawlState.ExportAsync(plan, options, path, cancellationToken).ConfigureAwait(false);
                console.Error.WriteLine($"{Quantities.Count(items)} items of {plan.Name}'s crawl → {path}");
            }
            else
            {
                foreach (var line in await CrawlState.GetStatusAsync(plan, options, cancellationToken).ConfigureAwait(false))
                {
                    console.Output.WriteLine(line);
                }
            }

            return ExitCodes.Success;
        }
        catch (ScrapeOptionsException e)
        {
            console.Error.WriteLine($"error: {e.Message} ({(e.OptionName == nameof(ScrapeOptions.OutputPath) ? "from --out" : "from --state")})");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {command.Command} could not write or read: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>CSV needs one table: a scraper with several item types has no CSV columns.</summary>
    private static void CheckOutputFormat<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options)
    {
        if (options.OutputPath is { } path && HostCommandLine.OutputFormatOf(path) == "csv" && plan.Format.CsvColumns.Count == 0)
        {
            throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath),
                $"'{path}': {plan.Name} has several item types, which do not fit one CSV table; write JSON Lines (.jsonl) instead.");
        }
    }

    private void QuitAtOnce(StopReason reason, ReportMode mode)
    {
        if (mode == ReportMode.Live)
        {
            console.Error.Write("\u001b[?25h"); // the live display hides the cursor: show it again
        }

        console.Error.WriteLine(StopMessages.QuitAtOnce);
        console.Error.Flush();
        Environment.Exit(reason == StopReason.Terminated ? ExitCodes.Terminated : ExitCodes.Interrupted);
    }

    private static ScrapeSummary EmptySummary(string name) => new()
    {
        ScraperName = name,
        Completed = false,
        Elapsed = TimeSpan.Zero,
        Discovered = 0,
        Processed = 0,
        SkippedByReason = new Dictionary<SkipReason, long>(),
        FailedByReason = new Dictionary<FailureReason, long>(),
        Items = 0,
        Requests = 0,
        Retries = 0,
        BytesReceived = 0,
        Failures = [],
    };

    /// <summary><c>BookstoreScraper 1.2.0 (DeclarativeScrape 0.1.0)</c>: the program's and the library's versions.</summary>
    internal static string VersionText(string scraperName)
    {
        static string VersionOf(Assembly? assembly)
        {
            var version = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly?.GetName().Version?.ToString() ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }

        return $"{scraperName} {VersionOf(Assembly.GetEntryAssembly())} (DeclarativeScrape {VersionOf(typeof(CrawlPlan<>).Assembly)})";
    }
}
