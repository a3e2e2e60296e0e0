using System.Globalization;
using System.Net;
using System.Text;
using Floyo.Insights;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Web.Tests;

/// <summary>
/// Every API route the app maps, found from its endpoint data source (so routes added later are covered without
/// editing this test), tried without credentials and with user A's key aimed at user B's identifiers. Nothing may
/// answer without credentials, and nothing A receives may contain B's data; B's data must be unchanged afterwards.
/// </summary>
[Collection(nameof(WebCollection))]
public sealed class AuthorizationMatrixTests(FloyoWebFixture fixture)
{
    /// <summary>Routes that are public by design: the browsable API documentation.</summary>
    private static bool IsPublic(string template) => template.StartsWith("/api/docs", StringComparison.Ordinal);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryApiRoute_WithoutCredentials_Answers401()
    {
        var failures = new List<string>();
        foreach (var (method, template) in ApiRoutes().Where(r => !IsPublic(r.Template)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(template, Guid.NewGuid(), "none:none"));
            request.Content = method is "POST" or "PUT" ? new StringContent("{}", Encoding.UTF8, "application/json") : null;
            var response = await fixture.Http().SendAsync(request, Cancel);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {template}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "Answered without credentials:\n" + string.Join('\n', failures));
        Assert.True(ApiRoutes().Count > 20, "The endpoint data source should list the API routes.");
    }

    [Fact]
    public async Task EveryApiRoute_WithUserAsKeyAimedAtUserB_LeaksNothingAndChangesNothing()
    {
        var (_, keyA) = await fixture.CreateUserAsync();
        var (userB, keyB) = await fixture.CreateUserAsync();
        var secret = $"secret-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        (await fixture.Http(keyB).PostAsync("/api/v1/events", EventJson.Batch(new { kind = "modified", entity = $"{secret}/Billing.cs", timestamp = now, project = secret, language = "C#" }), Cancel))
            .EnsureSuccessStatusCode();
        var insightOfB = await InsightOfAsync(userB);
        var statsOfB = await fixture.Http(keyB).GetStringAsync("/api/v1/stats?range=today", Cancel);

        var failures = new List<string>();
        foreach (var (method, template) in ApiRoutes().Where(r => !r.Template.Contains("sample-data", StringComparison.Ordinal)))
        {
            var path = Fill(template, userB, insightOfB);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Content = method is "POST" or "PUT" ? new StringContent("{}", Encoding.UTF8, "application/json") : null;
            var response = await fixture.Http(keyA).SendAsync(request, Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            if (body.Contains(secret, StringComparison.Ordinal) || body.Contains(userB.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} leaked user B's data");
            }

            if (template.Contains("{user}", StringComparison.Ordinal) && response.IsSuccessStatusCode)
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} for another user's id");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(statsOfB, await fixture.Http(keyB).GetStringAsync("/api/v1/stats?range=today", Cancel));
        var bInsights = await fixture.Grains.GetGrain<IInsightsGrain>(userB).GetInsightsAsync();
        Assert.Equal(InsightStatus.Open, bInsights.Insights.Single(i => i.Id == insightOfB).Status);
    }

    /// <summary>Every (method, template) under /api/ the app maps.</summary>
    private List<(string Method, string Template)> ApiRoutes() =>
        [.. fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal)];

    /// <summary>The route with B's identifiers in its parameters (and fresh GUIDs, which match any constraint used, for the others).</summary>
    private static string Fill(string template, Guid userB, string insightOfB) =>
        System.Text.RegularExpressions.Regex.Replace(template, "{([^}:?]+)[^}]*}", m => m.Groups[1].Value switch
        {
            "user" => userB.ToString(),
            "id" => Uri.EscapeDataString(insightOfB),
            "range" => "last_7_days",
            _ => Guid.NewGuid().ToString(), // fits guid constraints, and names nothing that exists
        });

    /// <summary>Gives B insights from B's own events and returns one id.</summary>
    private async Task<string> InsightOfAsync(Guid userB)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        patience.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            var snapshot = await fixture.Grains.GetGrain<IInsightsGrain>(userB).GetInsightsAsync();
            if (snapshot.Insights.Count > 0)
            {
                return snapshot.Insights[0].Id;
            }

            await Task.Delay(50, patience.Token);
        }
    }
}
