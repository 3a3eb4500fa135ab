namespace DeclarativeScrape;

/// <summary>Kinds of resources a rendering browser can be told not to load.</summary>
[Flags]
public enum RenderResources
{
    /// <summary>Load everything the page asks for (within the allowed hosts).</summary>
    None = 0,

    /// <summary>Images (<c>img</c>, CSS backgrounds, favicons).</summary>
    Images = 1,

    /// <summary>Web fonts.</summary>
    Fonts = 2,

    /// <summary>Audio and video.</summary>
    Media = 4,

    /// <summary>Style sheets (layout-dependent scripts may then behave differently).</summary>
    Stylesheets = 8,

    /// <summary>Scripts other than the page's inline ones (rarely useful: rendering is for script).</summary>
    Scripts = 16,

    /// <summary>Requests made by script: <c>fetch</c>, <c>XMLHttpRequest</c>, event sources and web sockets.</summary>
    Fetch = 32,

    /// <summary>Everything else: manifests, text tracks, beacons, other documents (frames).</summary>
    Other = 64,
}
