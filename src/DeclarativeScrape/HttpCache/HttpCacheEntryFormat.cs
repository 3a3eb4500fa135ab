using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DeclarativeScrape;

/// <summary>
/// The file format of a development HTTP cache entry: a fixed-length first line (magic, the body's length as 16 hex
/// digits, its SHA-256 as 64 hex digits), a JSON line (key, URL, status, reason, headers), then the body exactly as it
/// came off the wire. The first line is written last, so an entry that does not read back whole is known.
/// </summary>
internal static class HttpCacheEntryFormat
{
    /// <summary>The length of the first line, reserved when an entry is started.</summary>
    public static readonly int FirstLineLength = Magic.Length + 16 + 1 + 64 + 1;

    private const int MaxHeaderLineBytes = 1 << 20;

    private static ReadOnlySpan<byte> Magic => "DSHTTPCACHE1 "u8;

    /// <summary>Writes the first line of a body of <paramref name="bodyLength"/> bytes whose SHA-256 is <paramref name="hash"/>.</summary>
    public static void WriteFirstLine(Span<byte> first, long bodyLength, ReadOnlySpan<byte> hash)
    {
        Magic.CopyTo(first);
        var hex = Encoding.ASCII.GetBytes(bodyLength.ToString("X16", System.Globalization.CultureInfo.InvariantCulture));
        hex.CopyTo(first[Magic.Length..]);
        first[Magic.Length + 16] = (byte)' ';
        ToHex(hash, first.Slice(Magic.Length + 17, 64));
        first[^1] = (byte)'\n';
    }

    /// <summary>The entry's second line: its key, URL, status and the response headers (but the framing ones, which the replay recomputes).</summary>
    public static byte[] HeaderLine(string key, Uri url, HttpResponseMessage response)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("key", key);
            writer.WriteString("url", url.AbsoluteUri);
            writer.WriteNumber("status", (int)response.StatusCode);
            writer.WriteString("reason", response.ReasonPhrase);
            writer.WriteStartArray("headers");
            foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
            {
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var value in values)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(name);
                    writer.WriteStringValue(value);
                    writer.WriteEndArray();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>Checks the entry and leaves <paramref name="file"/> at its body; <see langword="null"/> for anything but a whole entry of <paramref name="key"/>.</summary>
    public static HttpCacheEntry? Read(FileStream file, string key)
    {
        Span<byte> first = stackalloc byte[FirstLineLength];
        if (file.ReadAtLeast(first, first.Length, throwOnEndOfStream: false) != first.Length
            || !first.StartsWith(Magic)
            || first[^1] != (byte)'\n'
            || !Utf8Parser.TryParse(first.Slice(Magic.Length, 16), out long length, out var consumed, 'X') || consumed != 16)
        {
            return null;
        }

        var recordedHash = first.Slice(Magic.Length + 17, 64);
        var line = new ArrayBufferWriter<byte>(1024);
        int b;
        while ((b = file.ReadByte()) is not -1 and not '\n')
        {
            if (line.WrittenCount >= MaxHeaderLineBytes)
            {
                return null;
            }

            line.GetSpan(1)[0] = (byte)b;
            line.Advance(1);
        }

        var bodyStart = file.Position;
        if (b == -1 || file.Length - bodyStart != length)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(file, hash);
        Span<byte> hex = stackalloc byte[64];
        ToHex(hash, hex);
        if (!hex.SequenceEqual(recordedHash))
        {
            return null;
        }

        file.Position = bodyStart;
        try
        {
            using var json = JsonDocument.Parse(line.WrittenMemory);
            var root = json.RootElement;
            if (root.GetProperty("key").GetString() != key)
            {
                return null;
            }

            var headers = new List<KeyValuePair<string, string>>();
            foreach (var pair in root.GetProperty("headers").EnumerateArray())
            {
                headers.Add(new(pair[0].GetString()!, pair[1].GetString()!));
            }

            return new HttpCacheEntry(root.GetProperty("status").GetInt32(), root.GetProperty("reason").GetString(), headers);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }

    private static void ToHex(ReadOnlySpan<byte> bytes, Span<byte> hex)
    {
        const string digits = "0123456789abcdef";
        for (var i = 0; i < bytes.Length; i++)
        {
            hex[2 * i] = (byte)digits[bytes[i] >> 4];
            hex[(2 * i) + 1] = (byte)digits[bytes[i] & 0xF];
        }
    }
}
