using System.Globalization;

namespace DeclarativeScrape.Hosting;

/// <summary>How the host writes numbers, rates, sizes and durations: invariant culture, the same on every machine.</summary>
internal static class Quantities
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => (double.IsFinite(perSecond) ? perSecond : 0).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A duration as <c>hh:mm:ss</c>, or <c>hh:mm:ss.f</c> with <paramref name="tenths"/>.</summary>
    public static string Duration(TimeSpan value, bool tenths = false)
    {
        if (value < TimeSpan.Zero)
        {
            value = TimeSpan.Zero;
        }

        var text = $"{(long)value.TotalHours:00}:{value.Minutes:00}:{value.Seconds:00}";
        return tenths ? text + "." + (value.Milliseconds / 100).ToString(CultureInfo.InvariantCulture) : text;
    }

    /// <summary>A byte count in B, KiB, MiB or GiB with one decimal.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes.ToString(CultureInfo.InvariantCulture)} B" : $"{value.ToString("0.0", CultureInfo.InvariantCulture)} {units[unit]}";
    }

    /// <summary>Counts by reason, largest first, as <c>Duplicate 38, Robots 2</c>; reasons with no count are left out.</summary>
    public static string ByReason<TReason>(IReadOnlyDictionary<TReason, long> counts)
        where TReason : struct, Enum =>
        string.Join(", ", counts.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.ToString(), StringComparer.Ordinal)
            .Select(kv => $"{kv.Key} {Count(kv.Value)}"));
}
