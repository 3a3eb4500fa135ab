using System.Diagnostics.CodeAnalysis;
using AngleSharp.Dom;

namespace DeclarativeScrape.Generated;

/// <summary>
/// Extracts one fetched page of a known page type. Generated per page type of a scraper.
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
/// <param name="document">The parsed page.</param>
/// <param name="context">Where failures and links are recorded.</param>
/// <param name="item">The item, when the page type is an <see cref="ItemAttribute"/> and extraction succeeded.</param>
/// <returns>Whether <paramref name="item"/> was produced.</returns>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public delegate bool PageExtractor<TItem>(IDocument document, ExtractionContext context, [MaybeNullWhen(false)] out TItem item);
