using System;
using System.Collections.Immutable;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>Parses a <c>[Scraper]</c> class and its option attributes into a <see cref="ScraperModel"/>.</summary>
    internal static class ScraperParser
    {
        // The runtime's defaults (ConcurrencyOptions, RetryOptions), which attributes that leave a value unset keep.
        /// <summary>A DS0010 diagnostic's property: the setting it is about (<c>Concurrency.PerHost</c>), for a code fix.</summary>
        public const string SettingProperty = "Setting";

        /// <summary>A DS0010 diagnostic's property: the limit the setting must not pass (<c>Concurrency.Max</c>'s value).</summary>
        public const string LimitProperty = "Limit";

        private const int DefaultMax = 16;
        private const int DefaultBaseDelayMs = 500;
        private const int DefaultMaxDelayMs = 30_000;
        private const long DefaultMaxDecompressedBytes = 16L << 20;
        private const long DefaultBodyBudgetBytes = 64L << 20;
        private static readonly double MaxSeconds = TimeSpan.MaxValue.TotalSeconds / 2;

        public static ParseResult<ScraperModel> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0
                || !KnownNames.IsFirstMarkedDeclaration(type, KnownNames.Scraper, context.TargetNode, cancellationToken))
            {
                return ParseResult<ScraperModel>.Nothing;
            }

            var diagnostics = new List<Diagnostic>();
            var location = TypeDeclarations.IdentifierLocation(context.TargetNode);
            var ok = TypeDeclarations.CheckPartial(type, "[Scraper]", location, diagnostics, cancellationToken);
            if (!type.IsStatic)
            {
                // Reported, and still generated (into the type as declared) so that the uses of its members compile.
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.ScraperNotStatic, location, type.Name));
            }

            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.IsGenericType)
                {
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.UnsupportedTypeShape, location, type.Name, "Scraper", "generic types are not supported"));
                    ok = false;
                    break;
                }
            }

            var scraper = new AttributeArguments(context.Attributes[0], location, cancellationToken);
            var reader = new SettingsReader(type.Name, diagnostics, location, cancellationToken);
            var startPage = ReadStartPage(type.Name, scraper, diagnostics);
            var options = reader.Read(type, new ScraperOptionsModel());
            options = options with { StartUrls = ReadStartUrls(type.Name, scraper, options.AllowedHosts, diagnostics).ToEquatableArray() };
            // A bad start URL or setting is reported and left out of the model; the scraper is still generated (the
            // build fails on the diagnostic alone, not on every use of Plan and RunAsync as well).
            ok &= startPage is not null;
            var model = ok ? new ScraperModel(TypeDeclarations.Read(type, TypeDeclarations.Keyword(type)), startPage!, options) : null;
            return new ParseResult<ScraperModel>(model, diagnostics.ToEquatableArray(), scraper.Location);
        }

        private static string? ReadStartPage(string scraperName, AttributeArguments scraper, List<Diagnostic> diagnostics)
        {
            var page = scraper.NamedType("StartPage");
            if (page is null)
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.MissingStartPage, scraper.Location, scraperName));
                return null;
            }

            if (page.TypeKind == TypeKind.Error)
            {
                return null;
            }

            if (!KnownNames.IsSourceTypeWith(page, KnownNames.Page))
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.StartPageNotPage, scraper.LocationOf(scraper.NamedSyntax("StartPage")), TypeDeclarations.ShortName(page), scraperName));
                return null;
            }

            return TypeDeclarations.FullName(page);
        }

        private static List<string> ReadStartUrls(string scraperName, AttributeArguments scraper, IReadOnlyList<string> allowedHosts, List<Diagnostic> diagnostics)
        {
            // None is fine: the run gives them (ScrapeOptions.StartUrls, --url), and without any it stops at start-up naming StartUrls.
            var urls = new List<string>();
            if (scraper.NamedString("StartUrl") is { } single)
            {
                Add(single, scraper.NamedSyntax("StartUrl"));
            }

            if (AttributeArguments.Array(scraper.Named("StartUrls")) is { } array)
            {
                for (var i = 0; i < array.Length; i++)
                {
                    Add(AttributeArguments.AsString(array[i]), scraper.NamedElementSyntax("StartUrls", i));
                }
            }

            return urls;

            void Add(string? url, ExpressionSyntax? syntax)
            {
                if (StartUrlRules.IsAbsoluteHttp(url))
                {
                    urls.Add(url!);
                }
                else
                {
                    // A relative URL carries the absolute ones a code fix offers from [AllowedHosts].
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidStartUrl, scraper.LocationOf(syntax), StartUrlRules.AbsoluteCandidates(url, allowedHosts), url ?? "null", scraperName));
                }
            }
        }

        /// <summary>Reads the option attributes, reporting DS0010 for each impossible value with the setting's name.</summary>
        private sealed class SettingsReader
        {
            private readonly string _scraperName;
            private readonly List<Diagnostic> _diagnostics;
            private readonly Location _fallback;
            private readonly CancellationToken _cancellationToken;
            private bool _sitemapLeftOut;

            public SettingsReader(string scraperName, List<Diagnostic> diagnostics, Location fallback, CancellationToken cancellationToken)
            {
                _scraperName = scraperName;
                _diagnostics = diagnostics;
                _fallback = fallback;
                _cancellationToken = cancellationToken;
            }

            public ScraperOptionsModel Read(INamedTypeSymbol type, ScraperOptionsModel options)
            {
                var headers = new List<HeaderModel>();
                var sitemaps = new List<SitemapModel>();
                foreach (var attribute in type.GetAttributes())
                {
                    var name = attribute.AttributeClass;
                    var arguments = new AttributeArguments(attribute, _fallback, _cancellationToken);
                    if (!arguments.IsBound)
                    {
                        continue;
                    }

                    if (KnownNames.IsOurs(name, KnownNames.AllowedHosts))
                    {
                        options = options with { AllowedHosts = ReadHosts(arguments).ToEquatableArray() };
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.Concurrency))
                    {
                        options = ReadConcurrency(arguments, options);
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.RateLimit))
                    {
                        options = ReadRateLimit(arguments, options);
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.Retry))
                    {
                        options = ReadRetry(arguments, options);
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.Timeouts))
                    {
                        options = options with
                        {
                            RequestSeconds = Seconds(arguments, "RequestSeconds"),
                            ReadIdleSeconds = Seconds(arguments, "ReadIdleSeconds"),
                            ConnectSeconds = Seconds(arguments, "ConnectSeconds"),
                        };
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.Robots))
                    {
                        options = options with { ObeyRobots = arguments.NamedBool("Obey") };
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.UserAgent))
                    {
                        var agent = arguments.ConstructorString(0);
                        if (HeaderRules.ValueProblem(agent) is { } problem)
                        {
                            Report("UserAgent", arguments.LocationOf(arguments.ConstructorSyntax(0)), problem);
                        }
                        else
                        {
                            options = options with { UserAgent = agent };
                        }
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.PageEncoding))
                    {
                        var label = arguments.ConstructorString(0);
                        if (!IsEncodingLabel(label))
                        {
                            Report("PageEncoding", arguments.LocationOf(arguments.ConstructorSyntax(0)), "'" + (label ?? "null") + "' is not an encoding label of the WHATWG Encoding Standard (for example utf-8, windows-1251, shift_jis, gbk)");
                        }
                        else
                        {
                            options = options with { PageEncoding = label };
                        }
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.Header))
                    {
                        var headerName = arguments.ConstructorString(0);
                        var value = arguments.ConstructorString(1);
                        var setting = "Header(\"" + (headerName ?? "null") + "\")";
                        if (HeaderRules.NameProblem(headerName) is { } nameProblem)
                        {
                            Report(setting, arguments.LocationOf(arguments.ConstructorSyntax(0)), nameProblem);
                        }
                        else if (value is null || (value.Length > 0 && HeaderRules.ValueProblem(value) is not null))
                        {
                            Report(setting, arguments.LocationOf(arguments.ConstructorSyntax(1)), value is null ? "the value is null" : HeaderRules.ValueProblem(value)!);
                        }
                        else
                        {
                            headers.Add(new HeaderModel(headerName!, value));
                        }
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.Sitemap))
                    {
                        if (ReadSitemap(arguments, sitemaps) is { } sitemap)
                        {
                            sitemaps.Add(sitemap);
                        }
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.Scope))
                    {
                        options = ReadScope(arguments, options);
                    }
                    else if (KnownNames.IsOurs(name, KnownNames.Limits))
                    {
                        options = ReadLimits(arguments, options);
                    }
                }

                return options with { Headers = headers.ToEquatableArray(), Sitemaps = sitemaps.ToEquatableArray(), SitemapLeftOut = _sitemapLeftOut };
            }

            private SitemapModel? ReadSitemap(AttributeArguments arguments, List<SitemapModel> earlier)
            {
                var page = arguments.ConstructorType(0);
                var pageLocation = arguments.LocationOf(arguments.ConstructorSyntax(0));
                if (page is null || page.TypeKind == TypeKind.Error)
                {
                    return null;
                }

                var pageName = TypeDeclarations.FullName(page);
                string? problem = null;
                if (!KnownNames.IsSourceTypeWith(page, KnownNames.Page))
                {
                    problem = "'" + TypeDeclarations.ShortName(page) + "' is not a [Page] type declared in this project";
                }
                else if (earlier.Exists(s => s.PageType == pageName))
                {
                    problem = "'" + TypeDeclarations.ShortName(page) + "' has a [Sitemap] already: one per page type (its Include and Exclude choose its entries)";
                }

                if (problem is not null)
                {
                    _diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidSitemap, pageLocation, _scraperName, problem));
                    _sitemapLeftOut = true;
                    return null;
                }

                var url = arguments.NamedString("Url");
                if (url is not null && !(url.StartsWith("/", StringComparison.Ordinal)
                    || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))))
                {
                    _diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidSitemap, arguments.LocationOf(arguments.NamedSyntax("Url")), _scraperName, "its Url '" + url + "' is neither an absolute http(s) URL nor a path starting with '/'"));
                    _sitemapLeftOut = true;
                    return null;
                }

                return new SitemapModel(pageName, url, LinkRulesParser.Read(arguments, "[Sitemap] of '" + _scraperName + "'", _diagnostics));
            }

            private ScraperOptionsModel ReadScope(AttributeArguments arguments, ScraperOptionsModel options)
            {
                var prefix = arguments.NamedString("PathPrefix");
                if (prefix is not null && (prefix.Length == 0 || prefix[0] != '/'))
                {
                    _diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidUrlPattern, arguments.LocationOf(arguments.NamedSyntax("PathPrefix")), prefix, "Scope.PathPrefix of '" + _scraperName + "'", "a path prefix starts with '/', such as '/docs/'"));
                    prefix = null;
                }

                return options with { ScopePathPrefix = prefix, ScopeRules = LinkRulesParser.Read(arguments, "[Scope] of '" + _scraperName + "'", _diagnostics) };
            }

            private List<string> ReadHosts(AttributeArguments arguments)
            {
                var hosts = new List<string>();
                var values = AttributeArguments.Array(arguments.Constructor(0));
                if (values is null)
                {
                    Report("AllowedHosts", arguments.Location, "the list of hosts is null");
                    return hosts;
                }

                for (var i = 0; i < values.Value.Length; i++)
                {
                    var host = AttributeArguments.AsString(values.Value[i]);
                    string? problem = null;
                    if (string.IsNullOrWhiteSpace(host))
                    {
                        problem = host is null ? "the host name is null" : "the host name is empty";
                    }
                    else
                    {
                        foreach (var c in host!)
                        {
                            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || c is '/' or '\\' or '?' or '#' or '@')
                            {
                                problem = "'" + host + "' is not a host name (no scheme, path, spaces or control characters)";
                                break;
                            }
                        }
                    }

                    if (problem is null)
                    {
                        hosts.Add(host!);
                    }
                    else
                    {
                        Report("AllowedHosts[" + i.ToString(CultureInfo.InvariantCulture) + "]", arguments.LocationOf(arguments.ParamsElementSyntax(0, i)), problem);
                    }
                }

                return hosts;
            }

            private ScraperOptionsModel ReadConcurrency(AttributeArguments arguments, ScraperOptionsModel options)
            {
                var max = Positive(arguments, "Concurrency.Max", "Max");
                var perHost = Positive(arguments, "Concurrency.PerHost", "PerHost");
                if (perHost is { } p && p > (max ?? DefaultMax))
                {
                    // The fix (lower PerHost to Max, or raise Max) needs the Max in force.
                    var fix = ImmutableDictionary<string, string?>.Empty.Add(SettingProperty, "Concurrency.PerHost").Add(LimitProperty, Invariant($"{max ?? DefaultMax}"));
                    Report("Concurrency.PerHost", arguments.LocationOf(arguments.NamedSyntax("PerHost")), Invariant($"({p}) must not be above Concurrency.Max ({max ?? DefaultMax})"), fix);
                }

                return options with { ConcurrencyMax = max, ConcurrencyPerHost = perHost };
            }

            private ScraperOptionsModel ReadRateLimit(AttributeArguments arguments, ScraperOptionsModel options)
            {
                var rate = arguments.NamedDouble("RequestsPerSecond");
                if (rate is not { } r || double.IsNaN(r) || double.IsInfinity(r) || r <= 0)
                {
                    Report("RateLimit.RequestsPerSecond", arguments.LocationOf(arguments.NamedSyntax("RequestsPerSecond")), rate is null ? "set it to a positive number of requests per second" : Invariant($"must be a positive number, was {rate}"));
                    rate = null;
                }

                return options with { RequestsPerSecond = rate, Burst = Positive(arguments, "RateLimit.Burst", "Burst") };
            }

            private ScraperOptionsModel ReadLimits(AttributeArguments arguments, ScraperOptionsModel options)
            {
                var decompressed = PositiveBytes(arguments, "Limits.MaxDecompressedBytes", "MaxDecompressedBytes");
                var budget = PositiveBytes(arguments, "Limits.BodyBudgetBytes", "BodyBudgetBytes");
                if ((budget ?? DefaultBodyBudgetBytes) < (decompressed ?? DefaultMaxDecompressedBytes))
                {
                    var where = budget is null ? arguments.NamedSyntax("MaxDecompressedBytes") : arguments.NamedSyntax("BodyBudgetBytes");
                    Report("Limits.BodyBudgetBytes", arguments.LocationOf(where), Invariant($"({budget ?? DefaultBodyBudgetBytes} bytes) must be at least Limits.MaxDecompressedBytes ({decompressed ?? DefaultMaxDecompressedBytes} bytes): the largest body must fit in it"));
                }

                return options with
                {
                    MaxPages = NonNegative(arguments, "Limits.MaxPages", "MaxPages"),
                    MaxDepth = NonNegative(arguments, "Limits.MaxDepth", "MaxDepth"),
                    MaxResponseBytes = PositiveBytes(arguments, "Limits.MaxResponseBytes", "MaxResponseBytes"),
                    MaxDecompressedBytes = decompressed,
                    BodyBudgetBytes = budget,
                    MaxRedirects = NonNegative(arguments, "Limits.MaxRedirects", "MaxRedirects"),
                };
            }

            private ScraperOptionsModel ReadRetry(AttributeArguments arguments, ScraperOptionsModel options)
            {
                var attempts = Positive(arguments, "Retry.MaxAttempts", "MaxAttempts");
                var baseDelay = Positive(arguments, "Retry.BaseDelayMs", "BaseDelayMs");
                var maxDelay = Positive(arguments, "Retry.MaxDelayMs", "MaxDelayMs");
                if ((maxDelay ?? DefaultMaxDelayMs) < (baseDelay ?? DefaultBaseDelayMs))
                {
                    var where = maxDelay is null ? arguments.NamedSyntax("BaseDelayMs") : arguments.NamedSyntax("MaxDelayMs");
                    Report("Retry.MaxDelayMs", arguments.LocationOf(where), Invariant($"({maxDelay ?? DefaultMaxDelayMs}) must not be below Retry.BaseDelayMs ({baseDelay ?? DefaultBaseDelayMs})"));
                }

                var codes = new List<int>();
                var hasCodes = false;
                if (AttributeArguments.Array(arguments.Named("StatusCodes")) is { } values)
                {
                    hasCodes = true;
                    for (var i = 0; i < values.Length; i++)
                    {
                        var code = AttributeArguments.AsInt(values[i]);
                        if (code is not { } c || c < 100 || c > 599)
                        {
                            Report("Retry.StatusCodes", arguments.LocationOf(arguments.NamedElementSyntax("StatusCodes", i)), Invariant($"{code} is not an HTTP status code (100-599)"));
                        }
                        else if (!codes.Contains(c))
                        {
                            codes.Add(c);
                        }
                    }
                }

                codes.Sort();
                return options with
                {
                    MaxAttempts = attempts,
                    BaseDelayMs = baseDelay,
                    MaxDelayMs = maxDelay,
                    HasRetryStatusCodes = hasCodes,
                    RetryStatusCodes = codes.ToEquatableArray(),
                };
            }

            private int? Positive(AttributeArguments arguments, string setting, string name)
            {
                var value = arguments.NamedInt(name);
                if (value is < 1)
                {
                    Report(setting, arguments.LocationOf(arguments.NamedSyntax(name)), Invariant($"must be at least 1, was {value}"));
                    return null;
                }

                return value;
            }

            private long? PositiveBytes(AttributeArguments arguments, string setting, string name)
            {
                var value = arguments.NamedLong(name);
                if (value is < 1)
                {
                    Report(setting, arguments.LocationOf(arguments.NamedSyntax(name)), Invariant($"must be a positive number of bytes, was {value}"));
                    return null;
                }

                return value;
            }

            private int? NonNegative(AttributeArguments arguments, string setting, string name)
            {
                var value = arguments.NamedInt(name);
                if (value is < 0)
                {
                    Report(setting, arguments.LocationOf(arguments.NamedSyntax(name)), Invariant($"must be 0 (no limit) or more, was {value}"));
                    return null;
                }

                return value;
            }

            private double? Seconds(AttributeArguments arguments, string name)
            {
                var value = arguments.NamedDouble(name);
                if (value is { } v && (double.IsNaN(v) || double.IsInfinity(v) || v <= 0 || v > MaxSeconds))
                {
                    Report("Timeouts." + name, arguments.LocationOf(arguments.NamedSyntax(name)), v > MaxSeconds ? "is too large" : Invariant($"must be a positive number of seconds, was {v}"));
                    return null;
                }

                return value;
            }

            private void Report(string setting, Location location, string problem, ImmutableDictionary<string, string?>? properties = null) =>
                _diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.ImpossibleSetting, location, properties, setting, _scraperName, problem));

            /// <summary>Whether <paramref name="label"/> is one of the Encoding Standard's labels (case and surrounding white space ignored), as the runtime reads it.</summary>
            private static bool IsEncodingLabel(string? label)
            {
                var trimmed = label?.Trim(' ', '\t', '\n', '\f', '\r');
                if (string.IsNullOrEmpty(trimmed) || trimmed!.IndexOf(' ') >= 0)
                {
                    return false;
                }

                var lower = new char[trimmed.Length];
                for (var i = 0; i < lower.Length; i++)
                {
                    var c = trimmed[i];
                    lower[i] = c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;   // ASCII only, as the runtime matches
                }

                trimmed = new string(lower);
                foreach (var encoding in EncodingLabelList.Encodings)
                {
                    foreach (var known in encoding.Labels.Split(' '))
                    {
                        if (known == trimmed)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        }
    }
}
