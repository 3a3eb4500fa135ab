using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// The DeclarativeScrape attributes and types, recognised by name and namespace (never by a bare simple name, so
    /// a same-named attribute from another namespace is ignored).
    /// </summary>
    internal static class KnownNames
    {
        public const string Namespace = "DeclarativeScrape";

        public const string PageAttributeMetadataName = "DeclarativeScrape.PageAttribute";
        public const string ItemAttributeMetadataName = "DeclarativeScrape.ItemAttribute";
        public const string ScraperAttributeMetadataName = "DeclarativeScrape.ScraperAttribute";
        public const string SampleAttributeMetadataName = "DeclarativeScrape.SampleAttribute";
        public const string PageEncodingAttributeMetadataName = "DeclarativeScrape.PageEncodingAttribute";

        public const string Page = "PageAttribute";
        public const string Item = "ItemAttribute";
        public const string Scraper = "ScraperAttribute";
        public const string Sample = "SampleAttribute";
        public const string Text = "TextAttribute";
        public const string Attr = "AttrAttribute";
        public const string Html = "HtmlAttribute";
        public const string OuterHtml = "OuterHtmlAttribute";
        public const string PageUrl = "PageUrlAttribute";
        public const string Items = "ItemsAttribute";
        public const string Follow = "FollowAttribute";
        public const string Match = "MatchAttribute";
        public const string Format = "FormatAttribute";
        public const string Convert = "ConvertAttribute";
        public const string AllowedHosts = "AllowedHostsAttribute";
        public const string Concurrency = "ConcurrencyAttribute";
        public const string RateLimit = "RateLimitAttribute";
        public const string Retry = "RetryAttribute";
        public const string Timeouts = "TimeoutsAttribute";
        public const string Robots = "RobotsAttribute";
        public const string UserAgent = "UserAgentAttribute";
        public const string PageEncoding = "PageEncodingAttribute";
        public const string Header = "HeaderAttribute";
        public const string Limits = "LimitsAttribute";
        public const string Render = "RenderAttribute";
        public const string Link = "Link";
        public const string Count = "CountAttribute";
        public const string Trim = "TrimAttribute";
        public const string Replace = "ReplaceAttribute";
        public const string Split = "SplitAttribute";
        public const string FollowLinks = "FollowLinksAttribute";
        public const string Scope = "ScopeAttribute";
        public const string Carried = "CarriedAttribute";
        public const string Sitemap = "SitemapAttribute";

        /// <summary>Whether <paramref name="type"/> is <c>DeclarativeScrape.<paramref name="name"/></c>.</summary>
        public static bool IsOurs(ITypeSymbol? type, string name) =>
            type is INamedTypeSymbol named
            && named.TypeKind != TypeKind.Error
            && named.Name == name
            && named.ContainingType is null
            && IsOurNamespace(named.ContainingNamespace);

        /// <summary>The first attribute of class <c>DeclarativeScrape.<paramref name="name"/></c> on <paramref name="symbol"/>.</summary>
        public static AttributeData? Find(ISymbol symbol, string name)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (IsOurs(attribute.AttributeClass, name))
                {
                    return attribute;
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="type"/> carries <c>[<paramref name="name"/>]</c> and is declared in source of this compilation.</summary>
        public static bool IsSourceTypeWith(ITypeSymbol? type, string name) =>
            type is INamedTypeSymbol named
            && named.TypeKind != TypeKind.Error
            && IsInSource(named)
            && Find(named, name) is not null;

        /// <summary>
        /// Whether <paramref name="declaration"/> carries the first <c>[<paramref name="name"/>]</c> of <paramref name="type"/>:
        /// a type marked on several partial declarations (or twice) is parsed once.
        /// </summary>
        public static bool IsFirstMarkedDeclaration(INamedTypeSymbol type, string name, SyntaxNode declaration, System.Threading.CancellationToken cancellationToken)
        {
            var attribute = Find(type, name)?.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
            return attribute?.Parent?.Parent == declaration;
        }

        public static bool IsInSource(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOurNamespace(INamespaceSymbol? ns) =>
            ns is { Name: Namespace } && ns.ContainingNamespace is { IsGlobalNamespace: true };
    }
}
