using System.Collections.Generic;
using System.Linq;
using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>
    /// Emits the statements extracting one property inside <c>Extract</c>: a chain of checks, each either recording a
    /// failure (a required value) or skipping silently (an optional value, a list element), ending in an assignment.
    /// </summary>
    internal static class PropertyExtractionEmitter
    {
        /// <summary>The local of <c>Extract</c> holding the element <c>:scope</c> stands for.</summary>
        public const string ScopeElementLocal = "scopeElement";

        private const string Text = "global::DeclarativeScrape.Generated.ExtractionText";

        public static void Emit(CodeWriter writer, PropertyModel property, string local, string cache)
        {
            writer.Line("// " + property.Name + ": " + Describe(property));
            writer.Line(Declaration(property, local));
            var selector = cache + "." + property.Name + "Selector";
            var query = cache + "." + QueryName(property);
            var emitter = new Chain(writer, property);
            switch (property.Source)
            {
                case SourceKind.PageUrl:
                    writer.Line(local + " = " + (property.Kind == ValueKind.Uri ? "context.PageUrl;" : "context.PageUrl.AbsoluteUri;"));
                    return;
                case SourceKind.Items:
                    EmitItems(writer, property, local, selector, query);
                    return;
                case SourceKind.Carried:
                    EmitCarried(writer, property, local, cache);
                    return;
                case SourceKind.Count:
                    // Elements of the parsed document: never a failure, 0 when nothing matches.
                    writer.Line(local + " = " + (ReadsScope(property) ? "1" : "matches.All(" + query + ").Length") + ";");
                    return;
            }

            if (property.Source == SourceKind.Follow && property.Rules is not null && property.Shape != ValueShape.List && !ReadsScope(property))
            {
                EmitFirstLinkByRules(writer, property, local, query, cache);
                return;
            }

            var steps = new List<Step>();
            if (property.Source == SourceKind.Follow)
            {
                var addLink = AddLink(property.TargetTypeName, property.Name, property.Rules is null ? null : RulesField(cache, property.Name));
                steps.Add(Step.Bind("var href = element.GetAttribute(" + Literals.String(property.AttributeName) + ");"));
                steps.Add(Step.Check("href is not null", "href is null", Messages("NoAttribute(" + Literals.String(property.AttributeName) + ")")));
                steps.Add(Step.Check(addLink, "!" + addLink, Messages("NotA(href, \"an http(s) URL\")")));
                steps.Add(Step.Assign("link"));
            }
            else
            {
                var input = "text";
                switch (property.Source)
                {
                    case SourceKind.Text:
                        steps.Add(Step.Bind("var text = " + Text + ".NormalizedText(element);"));
                        break;
                    case SourceKind.Html:
                        steps.Add(Step.Bind("var text = element.InnerHtml;"));
                        break;
                    case SourceKind.OuterHtml:
                        steps.Add(Step.Bind("var text = element.OuterHtml;"));
                        break;
                    case SourceKind.Attr:
                        steps.Add(Step.Bind("var text = element.GetAttribute(" + Literals.String(property.AttributeName) + ");"));
                        steps.Add(Step.Check("text is not null", "text is null", Messages("NoAttribute(" + Literals.String(property.AttributeName) + ")")));
                        break;
                }

                if (property.Shaping is { } shaping)
                {
                    input = Shape(steps, shaping);
                }

                if (property.Pattern is not null)
                {
                    var pattern = cache + "." + property.Name + "Pattern";
                    steps.Add(Step.Check(
                        Text + ".TryMatch(" + pattern + ", " + input + ", out var matched)",
                        "!" + Text + ".TryMatch(" + pattern + ", " + input + ", out var matched)",
                        Messages("NoMatch(" + input + ")")));
                    input = "matched";
                }

                if (property.Converter is { } converter)
                {
                    steps.Add(Step.Convert(converter, input));
                }
                else if (ValueCode.Conversion(property, input, cache) is { } conversion)
                {
                    steps.Add(Step.Check(conversion.Call, "!" + conversion.Call, Messages("NotA(" + input + ", " + Literals.String(conversion.What) + ")")));
                    steps.Add(Step.Assign("value"));
                }
                else
                {
                    steps.Add(Step.Assign(input));
                }
            }

            var readsScope = ReadsScope(property);
            if (property.Shape == ValueShape.List && !readsScope)
            {
                writer.Open("foreach (var element in matches.All(" + query + "))");
                emitter.Steps(steps, 0, report: false, local);
                writer.Close();
                return;
            }

            // A list reading :scope has its one element, or none; only a required value reports a missing one.
            writer.Open(string.Empty);
            writer.Line("var element = " + (readsScope ? ScopeElementLocal : "matches.First(" + query + ")") + ";");
            var noElement = readsScope ? Messages("NoElementMatched") : Messages("NoElement(" + selector + ")");
            steps.Insert(0, Step.Check("element is not null", "element is null", noElement));
            emitter.Steps(steps, 0, report: property.Shape == ValueShape.Required, local);
            writer.Close();
        }

        /// <summary>The name of the constant holding the property's index in its type's <c>SelectorSet</c>.</summary>
        public static string QueryName(PropertyModel property) => property.Name + "Query";

        /// <summary>
        /// Whether the property reads every match of its selector (a list, a count, a link with rules: the first link that
        /// passes them) rather than the first.
        /// </summary>
        public static bool ReadsAll(PropertyModel property) =>
            property.Shape == ValueShape.List || property.Source == SourceKind.Count || (property.Source == SourceKind.Follow && property.Rules is not null);

        /// <summary>The field of the type's cache class holding the <c>UrlRules</c> of a link property or <c>[FollowLinks]</c>.</summary>
        public static string RulesField(string cache, string name) => cache + "." + name + "Rules";

        /// <summary>The call recording a link: <c>context.AddLink&lt;T&gt;("Name", href[, rules], out var link)</c>.</summary>
        public static string AddLink(string targetType, string name, string? rulesField, string link = "var link") =>
            "context.AddLink<" + targetType + ">(" + Literals.String(name) + ", href, " + (rulesField is null ? string.Empty : rulesField + ", ") + "out " + link + ")";

        /// <summary>Emits a <c>[FollowLinks]</c>: every link its selector finds, recorded, no property.</summary>
        public static void EmitFollowLinks(CodeWriter writer, FollowLinksModel links, int index, string cache)
        {
            var name = "FollowLinks" + Literals.Int(index);
            writer.Line("// [FollowLinks(Selector = \"" + Literals.Comment(links.Selector.Text) + "\")] -> " + ValueCode.ShortName(links.TargetTypeName));
            writer.Open("foreach (var element in matches.All(" + cache + "." + name + "Query))");
            writer.Line("var href = element.GetAttribute(" + Literals.String(links.AttributeName) + ");");
            writer.Open("if (href is not null)");
            writer.Line("_ = " + AddLink(links.TargetTypeName, "FollowLinks", links.Rules is null ? null : RulesField(cache, name), link: "_") + ";");
            writer.Close();
            writer.Close();
        }

        // A single link with rules: the first element whose link passes them (links before it that do not resolve are recorded).
        private static void EmitFirstLinkByRules(CodeWriter writer, PropertyModel property, string local, string query, string cache)
        {
            var required = property.Shape == ValueShape.Required;
            writer.Open(string.Empty);
            if (required)
            {
                writer.Line("var found = false;");
            }

            writer.Open("foreach (var element in matches.All(" + query + "))");
            writer.Line("var href = element.GetAttribute(" + Literals.String(property.AttributeName) + ");");
            writer.Open("if (href is not null && " + AddLink(property.TargetTypeName, property.Name, RulesField(cache, property.Name)) + ")");
            writer.Line(local + " = link;");
            if (required)
            {
                writer.Line("found = true;");
            }

            writer.Line("break;");
            writer.Close();
            writer.Close();
            if (required)
            {
                writer.Open("if (!found)");
                writer.Line("ok = false;");
                writer.Line("context.AddFailure(" + Literals.String(property.Name) + ", " + Literals.String(property.Selector?.Text) + ", " + ValueCode.Messages + ".NoLinkPasses);");
                writer.Close();
            }

            writer.Close();
        }

        /// <summary>
        /// Whether the property's selector is exactly <c>:scope</c>: it reads the scope element itself (from
        /// <see cref="ScopeElementLocal"/>) and takes no place in the type's <c>SelectorSet</c>.
        /// </summary>
        public static bool ReadsScope(PropertyModel property) => property.Selector is { IsScope: true };

        /// <summary>Whether the property's selector takes a place in its type's <c>SelectorSet</c>.</summary>
        public static bool IsQueried(PropertyModel property) => property.Selector is not null && !ReadsScope(property);

        // The value the link to this page carried, converted as if it had been read from the page.
        private static void EmitCarried(CodeWriter writer, PropertyModel property, string local, string cache)
        {
            var get = "context.TryGetCarried(" + Literals.String(property.Name) + ", out var text)";
            var steps = new List<Step> { Step.Check(get, "!" + get, Messages("NotCarried")) };
            if (ValueCode.Conversion(property, "text", cache) is { } conversion)
            {
                steps.Add(Step.Check(conversion.Call, "!" + conversion.Call, Messages("NotA(text, " + Literals.String(conversion.What) + ")")));
                steps.Add(Step.Assign("value"));
            }
            else
            {
                steps.Add(Step.Assign("text"));
            }

            writer.Open(string.Empty);
            new Chain(writer, property).Steps(steps, 0, report: property.Shape == ValueShape.Required, local);
            writer.Close();
        }

        // [Replace]s, then [Split], then [Trim], each on the text so far; returns the variable holding the result.
        private static string Shape(List<Step> steps, TextShapingModel shaping)
        {
            foreach (var replacement in shaping.Replacements)
            {
                steps.Add(Step.Bind("text = text.Replace(" + Literals.String(replacement.OldValue) + ", " + Literals.String(replacement.NewValue) + ", global::System.StringComparison.Ordinal);"));
            }

            var input = "text";
            if (shaping.Split is { } split)
            {
                var call = "global::DeclarativeScrape.Generated.TextShaping.TrySplit(text, " + Literals.String(split.Separator) + ", " + Literals.Int(split.Index) + ", " + Literals.Int(split.Count) + ", out var part)";
                steps.Add(Step.Check(call, "!" + call, Messages("NoPart(text, " + Literals.String(split.Separator) + ", " + Literals.Int(split.Index) + ")")));
                input = "part";
            }

            if (shaping.TrimCharacters is { } characters)
            {
                steps.Add(Step.Bind("var trimmed = global::DeclarativeScrape.Generated.TextShaping.Trim(" + input + ", " + Literals.String(characters) + ");"));
                input = "trimmed";
            }

            return input;
        }

        private static void EmitItems(CodeWriter writer, PropertyModel property, string local, string selector, string query)
        {
            var name = Literals.String(property.Name);
            writer.Open(string.Empty);
            if (property.Shape == ValueShape.List)
            {
                writer.Line("var elements = matches.All(" + query + ");");
                writer.Open("for (var index = 0; index < elements.Length; index++)");
                writer.Line("context.EnterNested(" + name + ", index);");
                writer.Line("var item = " + property.TargetTypeName + ".Extract(elements[index], context);");
                writer.Line("context.ExitNested();");
                EmitItemResult(writer, local + ".Add(item);");
                writer.Close();
            }
            else
            {
                writer.Line("var element = matches.First(" + query + ");");
                if (property.Shape == ValueShape.Required)
                {
                    writer.Open("if (element is null)");
                    writer.Line("ok = false;");
                    writer.Line("context.AddFailure(" + name + ", " + Literals.String(property.Selector?.Text) + ", " + Messages("NoElement(" + selector + ")") + ");");
                    writer.Close();
                    writer.Open("else");
                }
                else
                {
                    writer.Open("if (element is not null)");
                }

                writer.Line("context.EnterNested(" + name + ", -1);");
                writer.Line("var item = " + property.TargetTypeName + ".Extract(element, context);");
                writer.Line("context.ExitNested();");
                EmitItemResult(writer, local + " = item;");
                writer.Close();
            }

            writer.Close();
        }

        // A nested item that fails has recorded its own failures (named Property[i].Inner); the page fails with it.
        private static void EmitItemResult(CodeWriter writer, string assign)
        {
            writer.Open("if (item is null)");
            writer.Line("ok = false;");
            writer.Close();
            writer.Open("else");
            writer.Line(assign);
            writer.Close();
        }

        private static string Declaration(PropertyModel property, string local) => property.Shape switch
        {
            ValueShape.List => "var " + local + " = new " + ValueCode.LocalType(property) + "();",
            ValueShape.Optional => ValueCode.LocalType(property) + " " + local + " = null;",
            _ => property.TypeName + " " + local + " = default!;",
        };

        private static string Describe(PropertyModel property)
        {
            var source = property.Source switch
            {
                SourceKind.Attr => "[Attr(\"" + Literals.Comment(property.Selector?.Text) + "\", \"" + Literals.Comment(property.AttributeName) + "\")]",
                SourceKind.PageUrl => "[PageUrl]",
                SourceKind.Carried => "[Carried]",
                _ => "[" + property.Source + "(\"" + Literals.Comment(property.Selector?.Text) + "\")]",
            };
            if (property.Shaping is { } shaping)
            {
                foreach (var replacement in shaping.Replacements)
                {
                    source += " [Replace(\"" + Literals.Comment(replacement.OldValue) + "\", \"" + Literals.Comment(replacement.NewValue) + "\")]";
                }

                if (shaping.Split is { } split)
                {
                    source += " [Split(\"" + Literals.Comment(split.Separator) + "\", " + Literals.Int(split.Index) + (split.Count == 1 ? string.Empty : ", Count = " + Literals.Int(split.Count)) + ")]";
                }

                if (shaping.TrimCharacters is { } characters)
                {
                    source += " [Trim(\"" + Literals.Comment(characters) + "\")]";
                }
            }

            if (property.Pattern is not null)
            {
                source += " [Match(\"" + Literals.Comment(property.Pattern) + "\")]";
            }

            if (property.Rules is { } rules)
            {
                source += " " + Describe(rules);
            }

            if (property.Carry.Count > 0)
            {
                source += " (Carry = [" + string.Join(", ", property.Carry.Select(n => "\"" + Literals.Comment(n) + "\"")) + "])";
            }

            if (property.Converter is { } converter)
            {
                source += " [Convert(" + converter.DisplayName + ")]";
            }

            return source + " " + property.Shape.ToString().ToLowerInvariant();
        }

        private static string Messages(string call) => ValueCode.Messages + "." + call;

        private static string Describe(LinkRulesModel rules)
        {
            var parts = new List<string>();
            if (rules.Include.Count > 0)
            {
                parts.Add("Include = [" + string.Join(", ", rules.Include.Select(p => "\"" + Literals.Comment(p) + "\"")) + "]");
            }

            if (rules.Exclude.Count > 0)
            {
                parts.Add("Exclude = [" + string.Join(", ", rules.Exclude.Select(p => "\"" + Literals.Comment(p) + "\"")) + "]");
            }

            return "(" + string.Join(", ", parts) + ")";
        }

        /// <summary>One link of the chain.</summary>
        private sealed class Step
        {
            private Step(string? statement, string? success, string? failure, string? message, string? assign, ConverterModel? converter, string? input)
            {
                Statement = statement;
                Success = success;
                Failure = failure;
                Message = message;
                AssignValue = assign;
                Converter = converter;
                Input = input;
            }

            public string? Statement { get; }

            public string? Success { get; }

            public string? Failure { get; }

            public string? Message { get; }

            public string? AssignValue { get; }

            public ConverterModel? Converter { get; }

            public string? Input { get; }

            public static Step Bind(string statement) => new Step(statement, null, null, null, null, null, null);

            public static Step Check(string success, string failure, string message) => new Step(null, success, failure, message, null, null, null);

            public static Step Assign(string value) => new Step(null, null, null, null, value, null, null);

            public static Step Convert(ConverterModel converter, string input) => new Step(null, null, null, null, null, converter, input);
        }

        /// <summary>Writes a list of steps as nested statements.</summary>
        private sealed class Chain
        {
            private readonly CodeWriter _writer;
            private readonly PropertyModel _property;

            public Chain(CodeWriter writer, PropertyModel property)
            {
                _writer = writer;
                _property = property;
            }

            public void Steps(List<Step> steps, int index, bool report, string local)
            {
                var step = steps[index];
                if (step.Statement is not null)
                {
                    _writer.Line(step.Statement);
                    Steps(steps, index + 1, report, local);
                }
                else if (step.Success is not null)
                {
                    if (report)
                    {
                        _writer.Open("if (" + step.Failure + ")");
                        Fail(step.Message!);
                        _writer.Close();
                        _writer.Open("else");
                    }
                    else
                    {
                        _writer.Open("if (" + step.Success + ")");
                    }

                    Steps(steps, index + 1, report, local);
                    _writer.Close();
                }
                else if (step.Converter is { } converter)
                {
                    EmitConverter(converter, step.Input!, report, local);
                }
                else
                {
                    _writer.Line(Assign(local, step.AssignValue!));
                }
            }

            // The converter is user code: whatever it throws is a recorded failure (for optional values too), never a crash.
            private void EmitConverter(ConverterModel converter, string input, bool report, string local)
            {
                var call = converter.TypeName + "." + Literals.Identifier(converter.MethodName);
                _writer.Open("try");
                if (converter.IsTryPattern)
                {
                    if (report)
                    {
                        _writer.Open("if (!" + call + "(" + input + ", out var value))");
                        Fail(Messages("NotA(" + input + ", " + Literals.String("accepted by " + converter.DisplayName) + ")"));
                        _writer.Close();
                        _writer.Open("else");
                    }
                    else
                    {
                        _writer.Open("if (" + call + "(" + input + ", out var value))");
                    }

                    _writer.Line(Assign(local, "value"));
                    _writer.Close();
                }
                else
                {
                    _writer.Line(Assign(local, call + "(" + input + ")"));
                }

                _writer.Close();
                _writer.Open("catch (global::System.Exception exception)");
                Fail(Messages("ConverterThrew(" + Literals.String(converter.DisplayName) + ", " + input + ", exception)"));
                _writer.Close();
            }

            private void Fail(string message)
            {
                _writer.Line("ok = false;");
                _writer.Line("context.AddFailure(" + Literals.String(_property.Name) + ", " + Literals.String(_property.Selector?.Text) + ", " + message + ");");
            }

            private string Assign(string local, string value) =>
                _property.Shape == ValueShape.List ? local + ".Add(" + value + ");" : local + " = " + value + ";";
        }
    }
}
