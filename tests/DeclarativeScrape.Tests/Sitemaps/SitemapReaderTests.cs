using System.Text;

namespace DeclarativeScrape.Tests.Sitemaps;

public sealed class SitemapReaderTests
{
    private static async Task<List<SitemapEntry>> ReadAsync(string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return await SitemapReader.ReadAsync(stream, CancellationToken.None).ToListAsync();
    }

    [Fact]
    public async Task A_urlset_gives_its_locations_and_dates_and_passes_over_other_elements()
    {
        var entries = await ReadAsync("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
              <url>
                <loc> http://h/a.html </loc>
                <lastmod>2024-05-01</lastmod>
                <image:image><image:loc>http://h/a.jpg</image:loc></image:image>
              </url>
              <url><loc>http://h/b.html</loc><lastmod>2024-05-02T10:30:00+02:00</lastmod><changefreq>daily</changefreq></url>
              <url><loc>http://h/c.html?x=1&amp;y=2</loc><lastmod>yesterday</lastmod></url>
              <url><priority>0.5</priority></url>
            </urlset>
            """);

        entries.ShouldBe(
        [
            new SitemapEntry("http://h/a.html", new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), false),
            new SitemapEntry("http://h/b.html", new DateTimeOffset(2024, 5, 2, 10, 30, 0, TimeSpan.FromHours(2)), false),
            new SitemapEntry("http://h/c.html?x=1&y=2", null, false),
        ]);
    }

    [Fact]
    public async Task A_sitemap_index_gives_its_sitemaps()
    {
        var entries = await ReadAsync("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>http://h/books.xml.gz</loc><lastmod>2024-12-31</lastmod></sitemap>
              <sitemap><loc>http://h/pages.xml</loc></sitemap>
            </sitemapindex>
            """);

        entries.Select(e => (e.Location, e.IsSitemap)).ShouldBe([("http://h/books.xml.gz", true), ("http://h/pages.xml", true)]);
    }

    [Fact]
    public async Task A_dtd_is_refused_rather_than_expanded()
    {
        var xml = """<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa">]><urlset><url><loc>&a;</loc></url></urlset>""";

        await Should.ThrowAsync<System.Xml.XmlException>(() => ReadAsync(xml));
    }

    [Fact]
    public async Task A_large_sitemap_is_read_as_a_stream_entry_by_entry()
    {
        // 200,000 entries produced on the fly: the reader yields the first ones before the stream has been read far.
        var stream = new GeneratedSitemap(200_000);

        var count = 0;
        await foreach (var entry in SitemapReader.ReadAsync(stream, CancellationToken.None))
        {
            if (count == 0)
            {
                entry.Location.ShouldBe("http://h/p/0.html");
                stream.Produced.ShouldBeLessThan(64 * 1024, "the first entry arrives after a few buffers, not after the whole file");
            }

            count++;
        }

        count.ShouldBe(200_000);
    }

    /// <summary>A sitemap of n entries, made as it is read.</summary>
    private sealed class GeneratedSitemap(int entries) : Stream
    {
        private byte[] _pending = Encoding.UTF8.GetBytes("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        private int _offset;
        private int _next;

        public long Produced { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_next > entries)
                {
                    return 0;
                }

                _pending = Encoding.UTF8.GetBytes(_next == entries ? "</urlset>" : $"<url><loc>http://h/p/{_next}.html</loc><lastmod>2024-01-01</lastmod></url>\n");
                _offset = 0;
                _next++;
            }

            var n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            Produced += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
