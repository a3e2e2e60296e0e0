using System.Net;
using System.Text.RegularExpressions;

namespace Floyo.Web.Tests.Accounts;

/// <summary>
/// A browser-like HTTP session: its own cookie jar, no automatic redirects, and form posts the way a browser sends a
/// Blazor SSR form (the form's handler name and the antiforgery token taken from the page just loaded).
/// </summary>
public sealed partial class FormSession(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress,
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path, Cancel);

    /// <summary>Loads <paramref name="path"/>, then posts the form named <paramref name="formName"/> there with <paramref name="fields"/>.</summary>
    public Task<FormResult> SubmitAsync(string path, string formName, params (string Name, string Value)[] fields) =>
        SubmitWithTokenFromAsync(path, path, formName, fields);

    /// <summary>
    /// Posts the form named <paramref name="formName"/> to <paramref name="path"/> with this session's antiforgery token
    /// taken from <paramref name="tokenPage"/>: for a post to a page that shows no such form (as a forger would try).
    /// </summary>
    public async Task<FormResult> SubmitWithTokenFromAsync(string tokenPage, string path, string formName, params (string Name, string Value)[] fields)
    {
        var page = await http.GetStringAsync(tokenPage, Cancel);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {tokenPage}.");
        return await PostAsync(path, [("_handler", formName), ("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)), .. fields]);
    }

    /// <summary>Posts exactly <paramref name="fields"/> (no token added): for forged requests.</summary>
    public async Task<FormResult> PostAsync(string path, IEnumerable<(string Name, string Value)> fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await http.PostAsync(path, content, Cancel);
        return new FormResult(response.StatusCode, await response.Content.ReadAsStringAsync(Cancel), response.Headers.Location?.ToString(), response.Headers.RetryAfter?.ToString());
    }

    /// <summary>The sign-in form's fields, for <c>SubmitAsync("/account/signin", "login", …)</c>.</summary>
    public static (string Name, string Value)[] Login(string email, string password) => [("Login.Email", email), ("Login.Password", password)];

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>What a form post answered: status, page, redirect target and Retry-After.</summary>
public sealed record FormResult(HttpStatusCode Status, string Body, string? Location, string? RetryAfter);
