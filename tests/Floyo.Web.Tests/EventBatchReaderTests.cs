using System.Text;
using Floyo.Activity;
using Floyo.Web.Apis;

namespace Floyo.Web.Tests;

public sealed class EventBatchReaderTests
{
    private const string Now = "2026-11-26T10:00:00Z";

    [Fact]
    public void Read_WithValuesRepeatedAcrossEvents_SharesOneStringInstance()
    {
        var events = Read($$"""
            {"kind":"modified","entity":"src/a.cs","timestamp":"{{Now}}","project":"p1","language":"C#","id":"x1"},
            {"kind":"modified","entity":"src/a.cs","timestamp":"{{Now}}","project":"p1","language":"C#","id":"x2"}
            """);

        Assert.Equal(["x1", "x2"], events.Select(e => e.ClientEventId));
        Assert.Same(events[0].Entity, events[1].Entity);
        Assert.Same(events[0].Project, events[1].Project);
        Assert.Same(events[0].Language, events[1].Language);
    }

    [Fact]
    public void Read_WithEscapedPropertyNames_ReadsThemAsTheirUnescapedNames()
    {
        var e = Assert.Single(Read($$"""{"k\u0069nd":"modified","\u0065ntity":"src/a.cs","timestamp":"{{Now}}","pr\u006fject":"p\u0031"}"""));

        Assert.Equal((ActivityKind.Modified, "src/a.cs", "p1"), (e.Kind, e.Entity, e.Project));
    }

    [Fact]
    public void Read_WithARepeatedPropertyName_TakesTheLastValue()
    {
        var e = Assert.Single(Read($$"""{"kind":"modified","entity":"first.cs","timestamp":"{{Now}}","entity":"last.cs","branch":"main","branch":null}"""));

        Assert.Equal(("last.cs", null), (e.Entity, e.Branch));
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","category":null,"lines":null,"dependencies":null""")]
    [InlineData(",\"type\":\"file\"")]
    [InlineData(""","unknownDetail":1""")]
    public void Read_WithoutDetailValues_HasNoDetails(string extra)
    {
        var e = Assert.Single(Read($$"""{"kind":"modified","entity":"a.cs","timestamp":"{{Now}}"{{extra}}}"""));

        Assert.Null(e.Details);
    }

    [Fact]
    public void Read_WithDetails_ReadsThem()
    {
        var e = Assert.Single(Read($$"""
            {"kind":"heartbeat","entity":"a.cs","timestamp":"{{Now}}","category":"Coding","isWrite":true,"lines":10.7,
             "aiInputTokens":5000000000,"dependencies":["x","y"],"extension":".cs"}
            """));

        Assert.Equal(
            new EventDetails { Category = "coding", IsWrite = true, Lines = 10, AiInputTokens = 5_000_000_000, Dependencies = e.Details!.Dependencies, Extension = ".cs" },
            e.Details);
        Assert.Equal(["x", "y"], e.Details.Dependencies!);
    }

    [Theory]
    [InlineData("""{"kind":2,"entity":3,"timestamp":true}""", "kind")]
    [InlineData("""{"kind":"modified","entity":3,"timestamp":true}""", "entity")]
    [InlineData("""{"kind":"modified","entity":"a.cs","timestamp":true,"project":1}""", "timestamp")]
    [InlineData("""{"kind":"modified","entity":"a.cs","timestamp":1700000000,"project":1,"type":"planet"}""", "project")]
    [InlineData("""{"kind":"modified","entity":"a.cs","timestamp":1700000000,"lines":"1","type":"planet"}""", "type")]
    public void Read_WithSeveralBadFields_RejectsWithTheFirstInReadingOrder(string item, string field)
    {
        var batch = EventBatchReader.Read(Encoding.UTF8.GetBytes($$"""{"events":[{{item}}]}"""));

        Assert.Equal(field, Assert.Single(batch.Items).Error!.Field);
    }

    private static List<ActivityEvent> Read(string items)
    {
        var batch = EventBatchReader.Read(Encoding.UTF8.GetBytes($$"""{"events":[{{items}}]}"""));
        Assert.Null(batch.Problem);
        return [.. batch.Items.Select(i => i.Event ?? throw new InvalidOperationException(i.Error!.Error))];
    }
}
