using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Interoffice.Web.Tests.Support;

/// <summary>One visitor with a cookie jar, on the public address over HTTPS, who sees redirects as they come.</summary>
public sealed class Visitor : IDisposable
{
    private Visitor(HttpClient client, CookieContainer cookies)
    {
        Client = client;
        Cookies = cookies;
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static Visitor Of(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> site, string address = "https://www.interoffice.nl")
    {
        ArgumentNullException.ThrowIfNull(site);
        var cookies = new CookieContainer();
        var client = site.CreateDefaultClient(new Uri(address), new CookieJar(cookies));
        return new Visitor(client, cookies);
    }

    /// <summary>
    /// A visitor of a site on a real server (<see cref="WebApplicationFactory{T}.UseKestrel()"/>): the requests go to
    /// <paramref name="server"/> over loopback, while the browser's view (address, Host, cookie jar) stays the public one.
    /// </summary>
    public static Visitor OnServer(Uri server, string address = "https://www.interoffice.nl")
    {
        var cookies = new CookieContainer();
        var toServer = new ToServer(server) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } };
        var client = new HttpClient(new CookieJar(cookies) { InnerHandler = toServer }) { BaseAddress = new Uri(address) };
        return new Visitor(client, cookies);
    }

    /// <summary>
    /// Sends a request with the visitor's <see cref="Headers"/> and, for this request only and in their place,
    /// <paramref name="headers"/> (so that two requests of one visitor at the same time each carry their own).
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? accept = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var all = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        foreach (var (name, value) in all)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await Client.SendAsync(request);
    }

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string path)
    {
        var response = await SendAsync(HttpMethod.Get, path);
        return (response, await Html.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    public async Task<IDocument> PageAsync(string path)
    {
        var (response, document) = await GetAsync(path);
        response.Dispose();
        return document;
    }

    /// <summary>Posts a consent choice the way the page's own form does, with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> ChooseAsync(string choice, IEnumerable<string>? categories = null, string returnUrl = "/", string fromPage = "/cookies", string? accept = null)
    {
        // As the browser posts the page's own form: from this site (Sec-Fetch-Site), with the form's fields and no token.
        var page = await PageAsync(fromPage);
        _ = page.QuerySelector("form[action='/cookies/keuze']") ?? throw new InvalidOperationException($"{fromPage} has no consent form");
        var fields = new List<KeyValuePair<string, string>> { new("Choice", choice), new("ReturnUrl", returnUrl) };
        fields.AddRange((categories ?? []).Select(c => new KeyValuePair<string, string>("Category", c)));
        using var form = new FormUrlEncodedContent(fields);
        return await SendAsync(HttpMethod.Post, "/cookies/keuze", form, accept, new Dictionary<string, string> { ["Sec-Fetch-Site"] = "same-origin" });
    }

    public string? CookieValue(string name) =>
        Cookies.GetAllCookies().FirstOrDefault(c => c.Name == name && !c.Expired)?.Value;

    public void Dispose() => Client.Dispose();

    /// <summary>Sends a request for the public address to the server's loopback address, with the public Host.</summary>
    private sealed class ToServer(Uri server) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var asked = request.RequestUri!;
            request.Headers.Host = asked.Authority;
            request.RequestUri = new UriBuilder(server) { Path = asked.AbsolutePath, Query = asked.Query.TrimStart('?') }.Uri;
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                // The cookie jar files the answer's cookies under the address the visitor asked for.
                request.RequestUri = asked;
            }
        }
    }

    /// <summary>Keeps cookies like a browser, including the Set-Cookie headers of redirects.</summary>
    private sealed class CookieJar(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, setCookie);
                }
            }

            return response;
        }
    }
}
