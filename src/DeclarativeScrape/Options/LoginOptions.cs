namespace DeclarativeScrape;

/// <summary>
/// A login step before the crawl, as a browser logs in: fetch the page holding the login form, fill the form (its
/// hidden fields, such as an anti-forgery token, kept) with <see cref="Fields"/>, submit it, and follow the redirects.
/// The cookies set along the way are the run's: every request of the crawl sends them. A failed login (an error
/// status, or the answer matching <see cref="FailureSelector"/>) stops the run before its first page, saying why.
/// </summary>
public sealed class LoginOptions
{
    /// <summary>
    /// The URL of the page holding the login form: absolute http(s), or relative (<c>/accounts/login/</c>), resolved
    /// against the first start URL when the run starts, so that it follows <c>--url</c>.
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>The CSS selector of the form on that page; the first <c>form</c> unless set.</summary>
    public string FormSelector { get; set; } = "form";

    /// <summary>The values to submit, by field name (<c>username</c>, <c>password</c>…); they replace the form's own.</summary>
    public IDictionary<string, string> Fields { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// A CSS selector that matches the page the login ends on only when it failed (an error message, the login form
    /// again: <c>"form#login .error"</c>); <see langword="null"/> to judge by the status alone.
    /// </summary>
    public string? FailureSelector { get; set; }

    internal void Validate(string prefix)
    {
        if (Url is null || (Url.IsAbsoluteUri && Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ScrapeOptionsException(prefix + nameof(Url), $"'{Url}' is not an http or https URL (absolute, or relative to the start URL).");
        }

        if (string.IsNullOrWhiteSpace(FormSelector))
        {
            throw new ScrapeOptionsException(prefix + nameof(FormSelector), "must be a CSS selector of the login form.");
        }

        if (Fields is null || Fields.Count == 0)
        {
            throw new ScrapeOptionsException(prefix + nameof(Fields), "must hold the values to submit (a user name and a password, say).");
        }
    }
}
