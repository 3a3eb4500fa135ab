using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DeclarativeScrape.TestSite;

/// <summary>Behaviours for <see cref="TestServer.Map"/>: healthy pages and the faults a crawler must survive.</summary>
public static class Faults
{
    private static readonly Lazy<byte[]> GzipBombBytes = new(BuildGzipBomb);

    /// <summary>A 200 HTML page.</summary>
    public static RequestDelegate Html(string html) => ctx =>
    {
        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.WriteAsync(html, ctx.RequestAborted);
    };

    /// <summary>A status code with an optional <c>Retry-After</c> and a small body.</summary>
    public static RequestDelegate Status(int status, string? retryAfter = null) => ctx =>
    {
        ctx.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            ctx.Response.Headers.RetryAfter = retryAfter;
        }

        return ctx.Response.WriteAsync($"status {status}", ctx.RequestAborted);
    };

    /// <summary>A redirect to <paramref name="location"/> (relative or absolute).</summary>
    public static RequestDelegate Redirect(string location, int status = 302) => ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>Aborts the connection without an answer (a reset).</summary>
    public static RequestDelegate Reset() => ctx =>
    {
        ctx.Abort();
        return Task.CompletedTask;
    };

    /// <summary>Accepts the request and never answers (until the client gives up).</summary>
    public static RequestDelegate NeverRespond() => ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted);

    /// <summary>Sends the headers and <paramref name="prefix"/>, then stalls forever.</summary>
    public static RequestDelegate StallAfter(string prefix) => async ctx =>
    {
        ctx.Response.ContentType = "text/html";
        await ctx.Response.WriteAsync(prefix, ctx.RequestAborted);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
        await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
    };

    /// <summary>Sends <paramref name="html"/> a few bytes at a time, <paramref name="interval"/> apart (a slow drip).</summary>
    public static RequestDelegate Drip(string html, int chunk, TimeSpan interval) => async ctx =>
    {
        ctx.Response.ContentType = "text/html";
        var bytes = Encoding.UTF8.GetBytes(html);
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            await ctx.Response.Body.WriteAsync(bytes.AsMemory(i, Math.Min(chunk, bytes.Length - i)), ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            await Task.Delay(interval, ctx.RequestAborted);
        }
    };

    /// <summary>Announces the whole page in <c>Content-Length</c>, sends half of it and closes the connection.</summary>
    public static RequestDelegate Truncated(string html) => async ctx =>
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        ctx.Response.ContentType = "text/html";
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), ctx.RequestAborted);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
        ctx.Abort();
    };

    /// <summary>A body of <paramref name="size"/> bytes of HTML filler, with or without <c>Content-Length</c> (chunked).</summary>
    public static RequestDelegate Huge(long size, bool announceLength) => async ctx =>
    {
        ctx.Response.ContentType = "text/html";
        if (announceLength)
        {
            ctx.Response.ContentLength = size;
        }

        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>filler filler filler</p>\n", 2340)));
        for (long sent = 0; sent < size; sent += chunk.Length)
        {
            await ctx.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, size - sent)), ctx.RequestAborted);
        }
    };

    /// <summary>About 1 MiB of gzip that inflates to 1 GiB of zeros, sent with <c>Content-Encoding: gzip</c>.</summary>
    public static RequestDelegate GzipBomb() => async ctx =>
    {
        var bytes = GzipBombBytes.Value;
        ctx.Response.ContentType = "text/html";
        ctx.Response.Headers.ContentEncoding = "gzip";
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
    };

    /// <summary>Builds the gzip bomb now (a few seconds of CPU once), so that a measurement does not include it.</summary>
    public static void PrepareGzipBomb() => _ = GzipBombBytes.Value;

    /// <summary>An HTML page sent gzip-compressed.</summary>
    public static RequestDelegate Gzipped(string html) => async ctx =>
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(html));
        }

        ctx.Response.ContentType = "text/html; charset=utf-8";
        ctx.Response.Headers.ContentEncoding = "gzip";
        await ctx.Response.Body.WriteAsync(buffer.ToArray(), ctx.RequestAborted);
    };

    /// <summary>A plain-text answer (not HTML).</summary>
    public static RequestDelegate Text(string text, string contentType = "application/json") => ctx =>
    {
        ctx.Response.ContentType = contentType;
        return ctx.Response.WriteAsync(text, ctx.RequestAborted);
    };

    /// <summary>Waits for <paramref name="gate"/> before answering with <paramref name="inner"/> (a slow host the test releases).</summary>
    public static RequestDelegate WaitFor(Task gate, RequestDelegate inner) => async ctx =>
    {
        await gate.WaitAsync(ctx.RequestAborted);
        await inner(ctx);
    };

    private static byte[] BuildGzipBomb()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1024; i++)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
