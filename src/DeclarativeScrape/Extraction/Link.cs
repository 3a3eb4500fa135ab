namespace DeclarativeScrape;

/// <summary>
/// A link to a page of type <typeparamref name="TPage"/>, as found on a page by a <see cref="FollowAttribute"/>
/// property. The runtime fetches it and extracts it as <typeparamref name="TPage"/>; the value here is the
/// resolved, absolute URL.
/// </summary>
/// <typeparam name="TPage">The <see cref="PageAttribute"/> type the link leads to.</typeparam>
/// <param name="Url">The absolute http(s) URL, resolved against the page's base URL.</param>
public readonly record struct Link<TPage>(Uri Url)
{
    /// <summary>Returns the URL as a string.</summary>
    public override string ToString() => Url.ToString();
}
