using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace DeclarativeScrape;

/// <summary>
/// The login step of a run (<see cref="ScrapeOptions.Login"/>), before its first page: fetch the form page, fill the
/// form with its own fields (hidden tokens kept) and the configured ones, submit it, follow the redirects, and judge the
/// page it ends on. Cookies set along the way stay in the run's <see cref="RequestControl"/>. robots.txt is not asked:
/// logging in is the user's own request, made once.
/// </summary>
internal sealed class LoginStep(RequestControl control, RunSettings settings, OutcomeRecorder recorder)
{
    public async Task RunAsync(LoginSettings login, CancellationToken cancellationToken)
    {
        var (formPage, html) = await SendAsync(HttpMethod.Get, login.Url, null, cancellationToken).ConfigureAwait(false);
        using var document = ExtractionDocument.ParseHtml(html);
        var baseUrl = ExtractionDocument.FindBaseUrl(document, formPage);
        if (document.QuerySelector(login.FormSelector) is not IHtmlFormElement form)
        {
            throw new LoginException($"Login: no form matches '{login.FormSelector}' on {formPage.AbsoluteUri}.");
        }

        var fields = FormFields(form);
        foreach (var (name, value) in login.Fields)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } written && Uri.TryCreate(baseUrl, written.Trim(), out var resolved) ? resolved : formPage;
        using var content = new FormUrlEncodedContent(fields);
        var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var post = !string.Equals(form.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase);
        var target = post ? action : new UriBuilder(action) { Query = body }.Uri;
        var (landed, answer) = await SendAsync(post ? HttpMethod.Post : HttpMethod.Get, target, post ? body : null, cancellationToken).ConfigureAwait(false);
        if (login.FailureSelector is { } failure)
        {
            using var result = ExtractionDocument.ParseHtml(answer);
            if (result.QuerySelector(failure) is { } shown)
            {
                var text = ExtractionText.NormalizedText(shown);
                throw new LoginException($"Login: the form at {formPage.AbsoluteUri} was submitted, but {landed.AbsoluteUri} matches the failure selector '{failure}'{(text.Length > 0 ? $" ('{text}')" : string.Empty)}.");
            }
        }
    }

    // The values a browser submits when the form's first submit button is clicked: named inputs (checked boxes only,
    // no other buttons, no files), selects, text areas, and that button.
    private static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var clicked = false;
        foreach (var element in form.Elements)
        {
            if (element.GetAttribute("name") is not { Length: > 0 } name || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "submit" } or IHtmlButtonElement { Type: "submit" } when !clicked:
                    clicked = true;
                    fields.Add(new(name, element.GetAttribute("value") ?? string.Empty));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset" or "file":
                    break;
                case IHtmlButtonElement:
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.GetAttribute("value") ?? string.Empty));
                    break;
                case IHtmlSelectElement select:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (option is not null)
                    {
                        fields.Add(new(name, option.Value));
                    }

                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.TextContent));
                    break;
            }
        }

        return fields;
    }

    // One request and its redirects (303, and 301/302 after a POST, become GETs, as browsers do), within the run's
    // timeouts and size cap; an error status fails the login.
    private async Task<(Uri Url, string Html)> SendAsync(HttpMethod method, Uri url, string? form, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.RequestTimeout);
            using var request = new HttpRequestMessage(method, url);
            control.Prepare(request, null);
            request.Headers.AcceptEncoding.Clear();   // the pooled handler does not decompress: ask for the plain body
            request.Options.Set(FetchClient.ConnectTimeoutKey, settings.ConnectTimeout);
            if (form is not null)
            {
                request.Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
            }

            recorder.AddRequests(1);
            HttpResponseMessage response;
            try
            {
                response = await control.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new LoginException($"Login: {method} {url.AbsoluteUri} failed: {exception.Message}", exception);
            }

            using (response)
            {
                control.Received(url, response);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location && Uri.TryCreate(url, location, out var next))
                {
                    if (hop >= settings.MaxRedirects)
                    {
                        throw new LoginException($"Login: more than Limits.MaxRedirects ({settings.MaxRedirects}) redirects from {url.AbsoluteUri}.");
                    }

                    if (status is 301 or 302 or 303 && method != HttpMethod.Get)
                    {
                        method = HttpMethod.Get;
                        form = null;
                    }

                    url = next;
                    continue;
                }

                if (status is < 200 or > 299)
                {
                    throw new LoginException($"Login: {method} {url.AbsoluteUri} answered {status} {response.ReasonPhrase}.".Replace(" .", ".", StringComparison.Ordinal));
                }

                if (response.Content.Headers.ContentLength > settings.MaxResponseBytes)
                {
                    throw new LoginException($"Login: {url.AbsoluteUri} is larger than Limits.MaxResponseBytes ({settings.MaxResponseBytes} bytes).");
                }

                return (url, await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false));
            }
        }
    }
}
