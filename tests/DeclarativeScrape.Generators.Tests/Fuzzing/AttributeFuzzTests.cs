using System.Text;
using DeclarativeScrape.Generators.Emit;
using DeclarativeScrape.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Tests.Fuzzing;

/// <summary>
/// Random and mutated attribute strings (selectors, URLs, patterns, header values, host names, attribute names) through
/// the generator: it never throws, and either the output compiles cleanly or one of our DS diagnostics explains why not.
/// Fixed seed, bounded count.
/// </summary>
public sealed class AttributeFuzzTests
{
    private const int Seed = 20_26_11;
    private const int Cases = 520;

    private static readonly string[] Seeds =
    [
        "div.product_main h1", "p.price_color", "ul.breadcrumb li:nth-child(3) a", "#reviews article", "a[href^='http']",
        "http://127.0.0.1:5080/catalogue/page-1.html", "https://example.com/a?b=c#d", @"star-rating (\w+)", @"(?<value>\d+)",
        "en-GB,en;q=0.9", "books.example.com", "*.example.com", "data-href", "", " ", "\"", "\\", "\n", "{", "}", "{0}", "\0",
        "\uD800", "\uDC00", "\uD83D\uDE00", "é", "£51.77", "*/", "/*", "//", "#nullable disable", "\"\"\"", "@\"", "\r\n", "\t",
    ];

    private static readonly string[] Slots = ["selector", "attr", "pattern", "url", "urls", "host", "header-name", "header-value", "agent", "format"];

    [Fact]
    public void Random_and_mutated_attribute_strings_never_break_the_generator()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var slot = Slots[i % Slots.Length];
            var value = Mutate(random);
            var source = Source(slot, value);
            var run = GeneratorHarness.Run(source);

            if (run.Exception is not null)
            {
                failures.Add($"#{i} {slot} {Literals.String(Cut(value))}: generator threw {run.Exception.GetType().Name}");
                continue;
            }

            var crashes = run.Output.GetDiagnostics().Where(d => d.Id is "CS8785" or "AD0001").ToList();
            var ours = run.Reported.Where(d => d.Id.StartsWith("DS", StringComparison.Ordinal)).ToList();
            var errors = run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("DS", StringComparison.Ordinal)).ToList();
            if (crashes.Count > 0)
            {
                failures.Add($"#{i} {slot} {Literals.String(Cut(value))}: {crashes[0]}");
            }
            else if (ours.Count == 0 && errors.Count > 0)
            {
                failures.Add($"#{i} {slot} {Literals.String(Cut(value))}: compiles with errors and no DS diagnostic: {errors[0]}");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static string Mutate(Random random)
    {
        var builder = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
        var edits = random.Next(0, 5);
        for (var e = 0; e < edits; e++)
        {
            var what = random.Next(6);
            var at = builder.Length == 0 ? 0 : random.Next(builder.Length + 1);
            switch (what)
            {
                case 0:
                    builder.Insert(at, Seeds[random.Next(Seeds.Length)]);
                    break;
                case 1:
                    builder.Insert(at, (char)random.Next(0, 0x3000));
                    break;
                case 2 when builder.Length > 0:
                    builder.Remove(Math.Min(at, builder.Length - 1), 1);
                    break;
                case 3:
                    builder.Insert(at, "\"\\{}\n\0[]()<>'`$");
                    break;
                case 4 when random.Next(20) == 0:
                    builder.Append('x', 20_000 + random.Next(50_000));
                    break;
                default:
                    builder.Insert(at, (char)random.Next(0xD800, 0xE000));
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Source(string slot, string value)
    {
        var v = Literals.String(value);
        var selector = slot == "selector" ? v : "\"h1\"";
        var attr = slot == "attr" ? v : "\"href\"";
        var pattern = slot == "pattern" ? v : "\"(\\\\w+)\"";
        var format = slot == "format" ? v : "\"yyyy-MM-dd\"";
        var url = slot == "url" ? v : "\"http://127.0.0.1/\"";
        var urls = slot == "urls" ? "StartUrls = new[] { \"http://127.0.0.1/a\", " + v + " }, " : string.Empty;
        var host = slot == "host" ? v : "\"127.0.0.1\"";
        var headerName = slot == "header-name" ? v : "\"X-Test\"";
        var headerValue = slot == "header-value" ? v : "\"yes\"";
        var agent = slot == "agent" ? v : "\"FuzzBot/1.0\"";
        return $$"""
            using System;
            using System.Collections.Generic;
            using DeclarativeScrape;

            namespace Fuzz;

            [Scraper(StartUrl = {{url}}, {{urls}}StartPage = typeof(P))]
            [AllowedHosts({{host}})]
            [Header({{headerName}}, {{headerValue}})]
            [UserAgent({{agent}})]
            public static partial class S;

            [Page, Item]
            public partial class P
            {
                [Text({{selector}})] public string? A { get; init; }
                [Attr({{selector}}, {{attr}})] public Uri? B { get; init; }
                [Text({{selector}}), Match({{pattern}})] public int? C { get; init; }
                [Text({{selector}}), Format({{format}})] public DateTime? D { get; init; }
                [Follow({{selector}}, Attribute = {{attr}})] public IReadOnlyList<Link<P>> E { get; init; } = [];
                [Items({{selector}})] public IReadOnlyList<Q> F { get; init; } = [];
            }

            [Item]
            public partial class Q
            {
                [Html({{selector}})] public string? G { get; init; }
            }
            """;
    }

    private static string Cut(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
