using System.Collections.Generic;
using System.Linq;
using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>
    /// Emits a scraper's file: <c>Plan</c>, <c>CreateOptions()</c>, the entry points, one extractor adapter per page
    /// type and, with several item types, the <c>Item</c> union. It only stitches the type summaries built per type.
    /// </summary>
    internal static class ScraperEmitter
    {
        private const string Ns = "global::DeclarativeScrape.";

        /// <returns>The file, or <see langword="null"/> when the scraper cannot be generated (its errors are reported elsewhere).</returns>
        public static GeneratedFile? Emit(ScraperModel model, EquatableArray<TypeSummaryModel> summaries)
        {
            var graph = CrawlGraph.Build(model.StartPage, summaries, model.Options.Sitemaps.Select(s => s.PageType));
            if (graph is null)
            {
                return null;
            }

            // With no item type (DS0018, or an error hides the link to it) the members still exist, typed by object, so
            // that the build shows that error alone.
            var items = graph.ItemPages.ToList();
            var union = items.Count > 1 ? UnionEmitter.CaseNames(items) : null;
            var itemType = union is not null ? model.Type.FullName + ".Item" : items.Count == 1 ? items[0].FullName : "object";
            var writer = FileFrame.Begin();
            FileFrame.OpenType(writer, model.Type, string.Empty);
            EmitPlan(writer, model, graph, itemType, items, union);
            writer.Line();
            OptionsEmitter.Emit(writer, model.Options);
            writer.Line();
            EmitEntryPoints(writer, itemType);
            writer.Line();
            EmitExtractors(writer, graph, itemType, union);
            if (union is not null)
            {
                writer.Line();
                UnionEmitter.Emit(writer, model, items, union);
            }
            else if (items.Count == 0 || !items[0].IsGenerated)
            {
                writer.Line();
                EmitUnavailableFormat(writer, model, itemType, items.Count == 0 ? "it reaches no [Item] type" : "'" + items[0].DisplayName + "' has an error");
            }

            FileFrame.CloseType(writer, model.Type);
            return new GeneratedFile(model.Type.HintName + ".g.cs", writer.ToString());
        }

        private static void EmitPlan(CodeWriter writer, ScraperModel model, CrawlGraph graph, string itemType, IReadOnlyList<TypeSummaryModel> items, IReadOnlyDictionary<string, string>? union)
        {
            var plan = Ns + "CrawlPlan<" + itemType + ">";
            writer.Line("/// <summary>");
            writer.Line("/// The crawl plan: the page types reachable from the start page (start page first), their extractors, the item");
            writer.Line("/// format, the schema fingerprint and the attribute options. Built once.");
            writer.Line("/// </summary>");
            writer.Line(FileFrame.GeneratedCode);
            writer.Line("public static " + plan + " Plan { get; } = __CreatePlan();");
            writer.Line();
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("private static " + plan + " __CreatePlan()");
            writer.Line("var pages = new " + Ns + "PageType<" + itemType + ">[]");
            writer.Open(string.Empty);
            var names = ExtractorNames(graph.Pages);
            for (var i = 0; i < graph.Pages.Count; i++)
            {
                var page = graph.Pages[i];
                var pageType = "new " + Ns + "PageType<" + itemType + ">(typeof(" + page.FullName + "), " + Literals.String(page.DisplayName) + ", " + names[i] + ", isItem: " + Literals.Bool(page.IsItem) + ")";
                var attributes = graph.AttributesReadOn(page);
                var init = new List<string>();
                if (attributes is not null)
                {
                    init.Add("ReadAttributes = " + Literals.StringArray(attributes));
                }

                for (var s = 0; s < model.Options.Sitemaps.Count; s++)
                {
                    if (model.Options.Sitemaps[s].PageType == page.FullName)
                    {
                        var rules = model.Options.Sitemaps[s].Rules;
                        init.Add("SitemapRules = " + (rules is null ? "global::DeclarativeScrape.Generated.UrlRules.None" : ExtractableTypeEmitter.RulesCreation(rules)) + ", SitemapOrder = " + Literals.Int(s));
                    }
                }

                if (graph.SelectorsOn(page) is { } selectors)
                {
                    init.Add("Selectors = " + Literals.StringArray(selectors));
                }

                if (page.Render is { } render)
                {
                    init.Add("Render = " + RenderSpec(render));
                }

                if (page.Headers.Count > 0)
                {
                    init.Add("Headers = new global::System.Collections.Generic.KeyValuePair<string, string>[] { " + string.Join(", ", page.Headers.Select(h => "new(" + Literals.String(h.Name) + ", " + Literals.String(h.Value) + ")")) + " }");
                }

                writer.Line(init.Count == 0 ? pageType + "," : pageType + " { " + string.Join(", ", init) + " },");
            }

            writer.Close(";");
            var format = union is null && items.Count == 1 && items[0].IsGenerated ? Ns + "Generated.ItemFormats.Of<" + itemType + ">()" : model.Type.FullName + ".__ItemFormat.Instance";
            writer.Line("return new " + plan + "(" + Literals.String(model.Type.Name) + ", pages, " + format + ", " + Literals.String(SchemaFingerprint.Compute(graph.Schema)) + ", CreateOptions);");
            writer.Close();
        }

        /// <summary>The <c>RenderSpec</c> of a page type's <c>[Render]</c>: every setting written out, defaults included (optional waits and clicks only when set).</summary>
        private static string RenderSpec(RenderModel render)
        {
            var block = new List<string>();
            string[] flags = ["Images", "Fonts", "Media", "Stylesheets", "Scripts", "Fetch", "Other"];
            for (var i = 0; i < flags.Length; i++)
            {
                if ((render.Block & (1 << i)) != 0)
                {
                    block.Add(Ns + "RenderResources." + flags[i]);
                }
            }

            return "new " + Ns + "RenderSpec { "
                + "Mode = " + Ns + "RenderMode." + render.Mode
                + ", WaitUntil = " + Ns + "RenderWaitUntil." + render.WaitUntil
                + (render.WaitForSelector is null ? string.Empty : ", WaitForSelector = " + Literals.String(render.WaitForSelector))
                + (render.WaitForScript is null ? string.Empty : ", WaitForScript = " + Literals.String(render.WaitForScript))
                + (render.WaitSeconds == 0 ? string.Empty : ", Wait = global::System.TimeSpan.FromSeconds(" + Literals.Double(render.WaitSeconds) + ")")
                + (render.ClickSelector is null ? string.Empty : ", ClickSelector = " + Literals.String(render.ClickSelector) + ", MaxClicks = " + Literals.Int(render.MaxClicks))
                + ", Timeout = global::System.TimeSpan.FromSeconds(" + Literals.Double(render.TimeoutSeconds) + ")"
                + ", Block = " + (block.Count == 0 ? Ns + "RenderResources.None" : string.Join(" | ", block))
                + (render.RequiredProperties.Count == 0 ? string.Empty : ", RequiredProperties = " + Literals.StringArray(render.RequiredProperties))
                + " }";
        }

        private static void EmitEntryPoints(CodeWriter writer, string itemType)
        {
            var options = Ns + "ScrapeOptions";
            var token = "global::System.Threading.CancellationToken";
            var engine = "(options.Engine ?? " + Ns + "ScrapeEngine.Shared)";

            writer.Line("/// <summary>Runs the scraper with the options of its attributes and streams its items.</summary>");
            writer.Line("/// <param name=\"cancellationToken\">Stops the run gracefully and ends the stream.</param>");
            writer.Line("/// <returns>The items, as they are extracted.</returns>");
            writer.Line(FileFrame.GeneratedCode);
            writer.Line("public static global::System.Collections.Generic.IAsyncEnumerable<" + itemType + "> RunAsync(" + token + " cancellationToken = default) =>");
            writer.Line("    RunAsync(CreateOptions(), cancellationToken);");
            writer.Line();

            writer.Line("/// <summary>Runs the scraper with <paramref name=\"options\"/> (start from <see cref=\"CreateOptions\"/>) and streams its items.</summary>");
            writer.Line("/// <param name=\"options\">The run's options; <see cref=\"" + options + ".Engine\"/> picks the engine (the shared one when null).</param>");
            writer.Line("/// <param name=\"cancellationToken\">Stops the run gracefully and ends the stream.</param>");
            writer.Line("/// <returns>The items, as they are extracted.</returns>");
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("public static global::System.Collections.Generic.IAsyncEnumerable<" + itemType + "> RunAsync(" + options + " options, " + token + " cancellationToken = default)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(options);");
            writer.Line("return " + engine + ".RunAsync(Plan, options, cancellationToken);");
            writer.Close();
            writer.Line();

            writer.Line("/// <summary>Starts a run: its events, live progress and summary.</summary>");
            writer.Line("/// <param name=\"options\">The run's options (start from <see cref=\"CreateOptions\"/>).</param>");
            writer.Line("/// <param name=\"cancellationToken\">Stops the run gracefully.</param>");
            writer.Line("/// <returns>The running crawl.</returns>");
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("public static " + Ns + "ScrapeRun<" + itemType + "> Start(" + options + " options, " + token + " cancellationToken = default)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(options);");
            writer.Line("return " + engine + ".Start(Plan, options, cancellationToken);");
            writer.Close();
            writer.Line();

            writer.Line("/// <summary>Runs the scraper to the end without a reader (items go to <see cref=\"" + options + ".OutputPath\"/>, if set).</summary>");
            writer.Line("/// <param name=\"options\">The run's options (start from <see cref=\"CreateOptions\"/>).</param>");
            writer.Line("/// <param name=\"cancellationToken\">Stops the run gracefully.</param>");
            writer.Line("/// <returns>The run's summary.</returns>");
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("public static global::System.Threading.Tasks.Task<" + Ns + "ScrapeSummary> ScrapeAsync(" + options + " options, " + token + " cancellationToken = default)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(options);");
            writer.Line("return " + engine + ".ScrapeAsync(Plan, options, cancellationToken);");
            writer.Close();
        }

        private static void EmitExtractors(CodeWriter writer, CrawlGraph graph, string itemType, IReadOnlyDictionary<string, string>? union)
        {
            var names = ExtractorNames(graph.Pages);
            for (var i = 0; i < graph.Pages.Count; i++)
            {
                var page = graph.Pages[i];
                if (i > 0)
                {
                    writer.Line();
                }

                writer.Line(FileFrame.GeneratedCode);
                writer.Open("private static bool " + names[i] + "(global::AngleSharp.Dom.IDocument document, " + Ns + "ExtractionContext context, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out " + itemType + " item)");
                if (!page.IsGenerated)
                {
                    writer.Line("// " + Literals.Comment(page.DisplayName) + " has an error (reported at its declaration), so it has no extractor.");
                    writer.Line("item = default!;");
                    writer.Line("return false;");
                }
                else if (!page.IsItem)
                {
                    writer.Line("_ = " + page.FullName + ".Extract(document, context);");
                    writer.Line("item = default!;");
                    writer.Line("return false;");
                }
                else
                {
                    writer.Line("var page = " + page.FullName + ".Extract(document, context);");
                    writer.Open("if (page is null)");
                    writer.Line("item = default!;");
                    writer.Line("return false;");
                    writer.Close();
                    writer.Line();
                    writer.Line("item = " + (union is null ? "page" : "new " + itemType + "." + union[page.FullName] + "(page)") + ";");
                    writer.Line("return true;");
                }

                writer.Close();
            }
        }

        // Stands in for the item writers a scraper cannot have; it exists only in a build that fails on the reported error.
        private static void EmitUnavailableFormat(CodeWriter writer, ScraperModel model, string itemType, string reason)
        {
            var message = Literals.String("Scraper '" + model.Type.Name + "' cannot write items: " + reason + " (a compile-time error).");
            writer.Line(FileFrame.GeneratedCode);
            writer.Open("private sealed class __ItemFormat : " + Ns + "ItemFormat<" + itemType + ">");
            writer.Line("public static readonly " + model.Type.FullName + ".__ItemFormat Instance = new " + model.Type.FullName + ".__ItemFormat();");
            writer.Line();
            writer.Line("public override global::System.Collections.Generic.IReadOnlyList<string> CsvColumns => global::System.Array.Empty<string>();");
            writer.Line();
            writer.Line("public override void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, " + itemType + " item) =>");
            writer.Line("    throw new global::System.NotSupportedException(" + message + ");");
            writer.Line();
            writer.Line("public override void WriteCsvRow(" + itemType + " item, global::System.Span<string?> cells) =>");
            writer.Line("    throw new global::System.NotSupportedException(" + message + ");");
            writer.Close();
        }

        private static string[] ExtractorNames(IReadOnlyList<TypeSummaryModel> pages)
        {
            var names = new string[pages.Count];
            var used = new HashSet<string>(System.StringComparer.Ordinal);
            for (var i = 0; i < pages.Count; i++)
            {
                var name = "__Extract" + pages[i].Name.TrimStart('@');
                var candidate = name;
                for (var n = 2; !used.Add(candidate); n++)
                {
                    candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                names[i] = candidate;
            }

            return names;
        }
    }
}
