using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Floyo.Activity;
using Floyo.Users;
using Floyo.Web.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class ExportApiTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExportJson_HoldsEverySectionOfTheCallerAndNeverAKeyOrItsHash()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        using var client = fixture.Http(key);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("src/a, b.cs"), EventJson.Event("src/c.cs", "created")), Cancel)).StatusCode);

        var response = await client.GetAsync("/api/v1/export?format=json", Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        var export = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("attachment; filename=\"floyo-export-", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            ["format", "version", "exportedAt", "profile", "settings", "privacy", "apiKeys", "events", "insights", "auditLog"],
            export.EnumerateObject().Select(p => p.Name));
        Assert.Equal(userId, export.GetProperty("profile").GetProperty("userId").GetGuid());
        Assert.True(export.GetProperty("privacy").GetProperty("consented").GetBoolean());
        Assert.Equal(ApiKeyFormat.Hint(key), Assert.Single(export.GetProperty("apiKeys").EnumerateArray()).GetProperty("hint").GetString());
        var events = export.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([("src/a, b.cs", "modified", 1L), ("src/c.cs", "created", 2L)], events.Select(e => (e.GetProperty("entity").GetString(), e.GetProperty("kind").GetString(), e.GetProperty("sequence").GetInt64())));
        Assert.Equal("dataExported", export.GetProperty("auditLog")[0].GetProperty("action").GetString());
        Assert.DoesNotContain(key["waka_".Length..], text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeyFormat.Hash(key), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_IsAZipWithOneCsvPerSectionAndQuotedFields()
    {
        var (_, key) = await fixture.CreateUserAsync();
        using var client = fixture.Http(key);
        await client.PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("src/a, \"b\".cs")), Cancel);

        var response = await client.GetAsync("/api/v1/export?format=CSV", Cancel);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Cancel), ZipArchiveMode.Read);

        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["profile.csv", "settings.csv", "privacy.csv", "apiKeys.csv", "events.csv", "insights.csv", "auditLog.csv"],
            zip.Entries.Select(e => e.FullName));
        var events = await ReadLinesAsync(zip.GetEntry("events.csv")!);
        Assert.Equal(string.Join(',', EventFields.All.Select(f => f.Name)), events[0]);
        Assert.StartsWith("1,modified,\"src/a, \"\"b\"\".cs\",", events[1], StringComparison.Ordinal);
        Assert.Equal(2, events.Count);
        Assert.Equal("id,at,action,detail,origin", (await ReadLinesAsync(zip.GetEntry("auditLog.csv")!))[0]);
    }

    [Fact]
    public async Task Export_OfALargeLog_StreamsEveryEventInSequenceOrder()
    {
        const int count = 20_000;
        var (userId, key) = await fixture.CreateUserAsync();
        var start = DateTimeOffset.UtcNow.AddDays(-5);
        var events = Enumerable.Range(1, count)
            .Select(i => new SequencedEvent(i, new ActivityEvent(ActivityKind.Modified, $"src/file{i % 97}.cs", start.AddSeconds(i), "big")))
            .ToList();
        await fixture.Services.GetRequiredService<IEventLog>().AppendAsync(userId, events, Cancel);
        using var client = fixture.Http(key);

        using var json = await client.GetAsync("/api/v1/export", HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var document = await JsonDocument.ParseAsync(await json.Content.ReadAsStreamAsync(Cancel), cancellationToken: Cancel);
        using var csv = await client.GetAsync("/api/v1/export?format=csv", HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var zip = new ZipArchive(await csv.Content.ReadAsStreamAsync(Cancel), ZipArchiveMode.Read);

        var sequences = document.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), sequences);
        Assert.Equal(count + 1, (await ReadLinesAsync(zip.GetEntry("events.csv")!)).Count);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("1")]
    [InlineData("")]
    public async Task Export_InAnUnknownFormat_Answers400NamingFormat(string format)
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).GetAsync($"/api/v1/export?format={format}", Cancel);

        await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.BadRequest, "format");
    }

    [Fact]
    public async Task Export_WithoutCredentials_Answers401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Http().GetAsync("/api/v1/export", Cancel)).StatusCode);
    }

    [Fact]
    public void EventFields_DescribeEveryPropertyOfTheEventSchemaOnce()
    {
        var schema = typeof(ActivityEvent).GetProperties()
            .Where(p => p.Name is not (nameof(ActivityEvent.Details) or nameof(ActivityEvent.Category)))
            .Select(p => $"ActivityEvent.{p.Name}")
            .Concat(typeof(EventDetails).GetProperties().Where(p => p.Name != "EqualityContract").Select(p => $"EventDetails.{p.Name}"))
            .Append("SequencedEvent.Sequence");

        Assert.Equal(schema.Order(), EventFields.All.Select(f => f.Source).Order());
        Assert.Equal(EventFields.All.Count, EventFields.All.Select(f => f.Name).Distinct().Count());
    }

    private static async Task<List<string>> ReadLinesAsync(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(await entry.OpenAsync(Cancel));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(Cancel) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
