using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using DeclarativeScrape.Benchmarks.Extraction;

namespace DeclarativeScrape.Benchmarks.Decoding;

/// <summary>
/// Bytes to text for the demo bookstore's book pages, as a parse worker decodes a body (into a character buffer from
/// the pool): the page decoder against .NET's own <see cref="Encoding"/> for the same encoding (what the runtime did
/// before it decoded by the Encoding Standard). One operation decodes all the pages once; bytes per second is the
/// pages' total size (see <see cref="Setup"/>'s console line) over the mean time.
/// </summary>
[MemoryDiagnoser]
public class DecodingBenchmarks
{
    private byte[][] _pages = [];
    private string? _contentType;
    private Encoding _dotNet = Encoding.UTF8;

    /// <summary>The encoding and where it comes from.</summary>
    [Params(PageLabel.Utf8Header, PageLabel.Utf8Meta, PageLabel.Windows1252Header, PageLabel.Windows1251Header)]
    public PageLabel Label { get; set; }

    /// <summary>Saves the pages once, encodes them, and checks the decoder gives back the same text as .NET.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = SavedBookPages.Load(ExtractionBenchmarks.PageCount, PageSize.Demo).Select(p => p.Html).ToArray();
        (_dotNet, _contentType) = Label switch
        {
            PageLabel.Utf8Header => (Encoding.UTF8, "text/html; charset=utf-8"),
            PageLabel.Utf8Meta => (Encoding.UTF8, "text/html"),   // the pages' <meta charset="utf-8">, found by the prescan
            PageLabel.Windows1252Header => (Encoding.GetEncoding(1252), "text/html; charset=windows-1252"),
            _ => (Encoding.GetEncoding(1251), "text/html; charset=windows-1251"),
        };
        if (Label == PageLabel.Windows1251Header)
        {
            // A Cyrillic page: the product text in Russian, so most letters are high bytes.
            html = [.. html.Select(h => h.Replace("the", "это", StringComparison.Ordinal).Replace("and", "и", StringComparison.Ordinal).Replace("book", "книга", StringComparison.Ordinal))];
        }

        _pages = [.. html.Select(h => _dotNet.GetBytes(h.Replace("£", Label == PageLabel.Windows1251Header ? "р." : "£", StringComparison.Ordinal)))];
        foreach (var page in _pages)
        {
            var decoded = PageDecoder.Decode(page, _contentType);
            if (decoded.Text != _dotNet.GetString(page))
            {
                throw new InvalidOperationException($"The page decoder and .NET disagree on a page as {decoded.Encoding}.");
            }
        }

        Console.WriteLine($"// {Label}: {_pages.Length} pages, {_pages.Sum(p => (long)p.Length):N0} bytes per operation");
    }

    /// <summary>.NET's encoding, into a pooled buffer (the header's charset, or the known one for the meta case).</summary>
    /// <returns>Characters decoded.</returns>
    [Benchmark(Baseline = true)]
    public long DotNetEncoding()
    {
        long total = 0;
        foreach (var page in _pages)
        {
            var chars = ArrayPool<char>.Shared.Rent(_dotNet.GetMaxCharCount(page.Length));
            total += _dotNet.GetChars(page, chars);
            ArrayPool<char>.Shared.Return(chars);
        }

        return total;
    }

    /// <summary>The page decoder: sniffing (byte order mark, header, prescan) and decoding, into a pooled buffer.</summary>
    /// <returns>Characters decoded.</returns>
    [Benchmark]
    public long PageDecoderPooled()
    {
        long total = 0;
        foreach (var page in _pages)
        {
            PageDecoder.Decode(page, _contentType, null, out var chars, out var length);
            total += length;
            ArrayPool<char>.Shared.Return(chars);
        }

        return total;
    }
}

/// <summary>How the benchmark's pages are labelled.</summary>
public enum PageLabel
{
    /// <summary>UTF-8, named by the <c>Content-Type</c> header.</summary>
    Utf8Header,

    /// <summary>UTF-8, named only by the page's <c>&lt;meta charset&gt;</c>.</summary>
    Utf8Meta,

    /// <summary>windows-1252 (single-byte, mostly ASCII), named by the header.</summary>
    Windows1252Header,

    /// <summary>windows-1251 (single-byte, many high bytes), named by the header.</summary>
    Windows1251Header,
}
