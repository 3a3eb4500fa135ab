using System.Linq;
using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>Emits <c>CreateOptions()</c>: a fresh <c>ScrapeOptions</c> holding the scraper's attribute values.</summary>
    internal static class OptionsEmitter
    {
        public static void Emit(CodeWriter writer, ScraperOptionsModel options)
        {
            writer.Line("/// <summary>");
            writer.Line("/// Creates a fresh <see cref=\"global::DeclarativeScrape.ScrapeOptions\"/> holding this scraper's attribute values (start URLs,");
            writer.Line("/// hosts, concurrency, rate limit, retries, timeouts, robots, user agent, headers, limits), for the caller to adjust.");
            writer.Line("/// </summary>");
            writer.Line("/// <returns>A new options object.</returns>");
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("public static global::DeclarativeScrape.ScrapeOptions CreateOptions()");
            writer.Line("var options = new global::DeclarativeScrape.ScrapeOptions();");
            foreach (var url in options.StartUrls.Distinct())
            {
                writer.Line("options.StartUrls.Add(new global::System.Uri(" + Literals.String(url) + ", global::System.UriKind.Absolute));");
            }

            foreach (var host in options.AllowedHosts)
            {
                writer.Line("options.AllowedHosts.Add(" + Literals.String(host) + ");");
            }

            Set(writer, "Concurrency.Max", options.ConcurrencyMax);
            if (options.ConcurrencyPerHost is { } perHost)
            {
                Set(writer, "Concurrency.PerHost", perHost);
            }
            else if (options.ConcurrencyMax is { } max)
            {
                writer.Line("options.Concurrency.PerHost = global::System.Math.Min(global::DeclarativeScrape.ConcurrencyOptions.DefaultPerHost, " + Literals.Int(max) + ");");
            }

            if (options.RequestsPerSecond is { } rate)
            {
                writer.Line("options.RateLimit.RequestsPerSecond = " + Literals.Double(rate) + ";");
            }

            Set(writer, "RateLimit.Burst", options.Burst);
            Set(writer, "Retry.MaxAttempts", options.MaxAttempts);
            Span(writer, "Retry.BaseDelay", "FromMilliseconds", options.BaseDelayMs);
            Span(writer, "Retry.MaxDelay", "FromMilliseconds", options.MaxDelayMs);
            if (options.HasRetryStatusCodes)
            {
                writer.Line("options.Retry.StatusCodes = new global::System.Collections.Generic.HashSet<int> { " + string.Join(", ", options.RetryStatusCodes.Select(Literals.Int)) + " };");
            }

            Seconds(writer, "Timeouts.Request", options.RequestSeconds);
            Seconds(writer, "Timeouts.ReadIdle", options.ReadIdleSeconds);
            Seconds(writer, "Timeouts.Connect", options.ConnectSeconds);
            if (options.ObeyRobots is { } obey)
            {
                writer.Line("options.Robots.Obey = " + Literals.Bool(obey) + ";");
            }

            if (options.UserAgent is { } agent)
            {
                writer.Line("options.UserAgent = " + Literals.String(agent) + ";");
            }

            if (options.PageEncoding is { } pageEncoding)
            {
                writer.Line("options.PageEncoding = " + Literals.String(pageEncoding) + ";");
            }

            foreach (var header in options.Headers)
            {
                writer.Line("options.Headers[" + Literals.String(header.Name) + "] = " + Literals.String(header.Value) + ";");
            }

            if (options.ScopePathPrefix is { } prefix)
            {
                writer.Line("options.Scope.PathPrefix = " + Literals.String(prefix) + ";");
            }

            if (options.ScopeRules is { } rules)
            {
                foreach (var pattern in rules.Include)
                {
                    writer.Line("options.Scope.Include.Add(" + Literals.String(pattern) + ");");
                }

                foreach (var pattern in rules.Exclude)
                {
                    writer.Line("options.Scope.Exclude.Add(" + Literals.String(pattern) + ");");
                }
            }

            foreach (var url in options.Sitemaps.Select(s => s.Url).Where(u => u is not null).Distinct())
            {
                writer.Line("options.Sitemaps.Urls.Add(new global::System.Uri(" + Literals.String(url) + ", global::System.UriKind.RelativeOrAbsolute));");
            }

            if (options.Sitemaps.Any(s => s.Url is null))
            {
                writer.Line("options.Sitemaps.FromRobots = true;");
            }

            Set(writer, "Limits.MaxPages", options.MaxPages);
            Set(writer, "Limits.MaxDepth", options.MaxDepth);
            Bytes(writer, "Limits.MaxResponseBytes", options.MaxResponseBytes);
            Bytes(writer, "Limits.MaxDecompressedBytes", options.MaxDecompressedBytes);
            Bytes(writer, "Limits.BodyBudgetBytes", options.BodyBudgetBytes);
            Set(writer, "Limits.MaxRedirects", options.MaxRedirects);
            writer.Line("return options;");
            writer.Close();
        }

        private static void Set(CodeWriter writer, string setting, int? value)
        {
            if (value is { } v)
            {
                writer.Line("options." + setting + " = " + Literals.Int(v) + ";");
            }
        }

        private static void Bytes(CodeWriter writer, string setting, long? value)
        {
            if (value is { } v)
            {
                writer.Line("options." + setting + " = " + Literals.Long(v) + ";");
            }
        }

        private static void Span(CodeWriter writer, string setting, string factory, int? value)
        {
            if (value is { } v)
            {
                writer.Line("options." + setting + " = global::System.TimeSpan." + factory + "(" + Literals.Int(v) + ");");
            }
        }

        private static void Seconds(CodeWriter writer, string setting, double? value)
        {
            if (value is { } v)
            {
                writer.Line("options." + setting + " = global::System.TimeSpan.FromSeconds(" + Literals.Double(v) + ");");
            }
        }
    }
}
