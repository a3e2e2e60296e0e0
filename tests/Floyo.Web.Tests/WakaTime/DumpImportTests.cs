using System.Net;
using System.Text;
using System.Text.Json;
using Floyo.Activity;
using Floyo.Reports;

namespace Floyo.Web.Tests.WakaTime;

[Collection(nameof(WebCollection))]
public sealed class DumpImportTests(FloyoWebFixture fixture)
{
    private const string Import = "/api/v1/imports/wakatime";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportDump_WithHistoryOlderThanTheIngestWindow_StoresItOnceAndReportsIt()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-90));
        var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).ToUnixTimeSeconds();
        var dump = $$"""
            {"user": {"username": "ada"}, "range": {"start": {{noon - 43200}}, "end": {{noon + 43199}}},
             "days": [
               {"date": "{{day:yyyy-MM-dd}}", "heartbeats": [
                 {"entity": "old.cs", "type": "file", "time": {{noon}}, "project": "legacy", "language": "C#", "category": "coding", "user_agent_id": "abc"},
                 {"entity": "old.cs", "type": "file", "time": {{noon + 600}}, "project": "legacy", "language": "C#"},
                 {"entity": "old.cs", "type": "file", "time": {{noon + 900}}, "project": "legacy", "language": "C#", "is_write": true},
                 {"type": "file", "time": {{noon + 901}}}
               ]},
               {"date": "{{day.AddDays(1):yyyy-MM-dd}}", "heartbeats": []}
             ]}
            """;

        var first = await fixture.Http(key).PostAsync(Import, new StringContent(dump, Encoding.UTF8, "application/json"), Cancel);
        var second = await fixture.Http(key).PostAsync(Import, new StringContent(dump, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var result = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Cancel));
        Assert.Equal((4, 3, 0, 1, false), (Int(result, "heartbeats"), Int(result, "imported"), Int(result, "duplicates"), Int(result, "rejected"), result.RootElement.GetProperty("alreadyImported").GetBoolean()));
        var error = Assert.Single(result.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "entity"), (error.GetProperty("index").GetInt32(), error.GetProperty("field").GetString()));
        using var again = JsonDocument.Parse(await second.Content.ReadAsStringAsync(Cancel));
        Assert.True(again.RootElement.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(3, await fixture.Grains.GetGrain<IUserActivityGrain>(userId).GetLastSequenceAsync());
        var report = await fixture.Grains.GetGrain<ITimeReportGrain>(userId).GetReportAsync(new ReportQuery(day, day));
        Assert.Equal(900, report.Days[0].TotalSeconds);
        Assert.Equal([new NamedDuration("legacy", 900)], report.Days[0].Breakdown[ReportDimension.Projects]);
    }

    [Theory]
    [InlineData("{\"user\": {}}")]
    [InlineData("{\"days\": 3}")]
    [InlineData("{broken")]
    [InlineData("\"just a string\"")]
    public async Task ImportDump_WithSomethingElse_Answers400(string body)
    {
        var (userId, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).PostAsync(Import, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await fixture.Grains.GetGrain<IUserActivityGrain>(userId).GetLastSequenceAsync());
    }

    private static int Int(JsonDocument document, string name) => document.RootElement.GetProperty(name).GetInt32();
}
