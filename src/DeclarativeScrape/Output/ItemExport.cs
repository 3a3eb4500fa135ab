using System.Buffers;

namespace DeclarativeScrape;

/// <summary>
/// Writes a crawl's committed items to a file, whichever store keeps them (a state directory, a shared database): the
/// format comes from the file's extension, checked as a run's <see cref="ScrapeOptions.OutputPath"/> is, and the records
/// are laid out as a run's output file would lay them out (<see cref="OutputFraming"/>). The file is written beside its
/// name and moved into place when complete, so a reader never sees half an export.
/// </summary>
internal static class ItemExport
{
    private const int FlushBytes = 1 << 16;

    /// <summary>The format the store's records must be in for <paramref name="path"/>: <c>jsonl</c> (for <c>.jsonl</c>, <c>.ndjson</c> and <c>.json</c>) or <c>csv</c>.</summary>
    /// <exception cref="ScrapeOptionsException">An unknown extension, or CSV for items that are not one table (naming <see cref="ScrapeOptions.OutputPath"/>).</exception>
    public static string RecordFormatFor<TItem>(CrawlPlan<TItem> plan, string path)
    {
        ItemWriter<TItem>.Validate(path, plan.Format);
        return OutputFraming.RecordFormatOf(ItemWriter<TItem>.FormatOf(path)!);
    }

    /// <summary>Writes <paramref name="records"/> (whole records of <see cref="RecordFormatFor"/>'s format, in commit order) to <paramref name="path"/>.</summary>
    /// <returns>The items written.</returns>
    public static async Task<long> WriteAsync<TItem>(CrawlPlan<TItem> plan, string path, IAsyncEnumerable<byte[]> records, CancellationToken cancellationToken)
    {
        var format = ItemWriter<TItem>.FormatOf(path)!;
        var framing = OutputFraming.For(format, format == "csv" ? ItemEncoder<TItem>.For("csv", plan.Format).Header : []);
        var full = Path.GetFullPath(path);
        var temporary = full + ".partial";
        long count = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, FlushBytes, useAsync: true))
            {
                var bytes = new ArrayBufferWriter<byte>(FlushBytes);
                bytes.Write(framing.Start);
                await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    framing.Append(bytes, record, first: count == 0);
                    count++;
                    if (bytes.WrittenCount >= FlushBytes)
                    {
                        await file.WriteAsync(bytes.WrittenMemory, cancellationToken).ConfigureAwait(false);
                        bytes.ResetWrittenCount();
                    }
                }

                bytes.Write(framing.End(count > 0));
                await file.WriteAsync(bytes.WrittenMemory, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
            return count;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
