using Floyo.Time;

namespace Floyo.Grains.Tests.Time;

public sealed class DayGridTests
{
    [Theory]
    [InlineData("UTC", "2026-03-01", "2026-03-01T00:00:00Z")]
    [InlineData("America/Sao_Paulo", "2026-03-01", "2026-03-01T03:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-30", "2026-03-29T22:00:00Z")]
    [InlineData("America/Santiago", "2026-09-06", "2026-09-06T04:00:00Z")] // midnight skipped: the day starts at the jump (01:00 local)
    [InlineData("America/Havana", "2026-03-08", "2026-03-08T05:00:00Z")] // midnight skipped
    [InlineData("America/Havana", "2026-11-01", "2026-11-01T04:00:00Z")] // midnight twice: the first
    [InlineData("America/Havana", "2026-11-02", "2026-11-02T05:00:00Z")]
    public void StartOfDay_IsTheFirstInstantWithThatLocalDate(string zone, string day, string expected)
    {
        var start = DayGrid.StartOfDay(Beat.Day(day), Beat.Zone(zone));

        Assert.Equal(Beat.Time(expected), start);
        Assert.Equal(Beat.Day(day), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Beat.Zone(zone)).DateTime));
        Assert.NotEqual(Beat.Day(day), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start.AddTicks(-1), Beat.Zone(zone)).DateTime));
    }

    [Fact]
    public void IndexOf_FindsTheDayOfAnInstantAndMinusOneOutside()
    {
        var grid = new DayGrid(Beat.Day("2026-03-28"), Beat.Day("2026-03-30"), Beat.Zone("Europe/Berlin"));

        Assert.Equal(3, grid.Count);
        Assert.Equal(Beat.Time("2026-03-27T23:00:00Z"), grid.Start);
        Assert.Equal(Beat.Time("2026-03-30T22:00:00Z"), grid.End);
        Assert.Equal(-1, grid.IndexOf(grid.Start.AddTicks(-1)));
        Assert.Equal(0, grid.IndexOf(grid.Start));
        Assert.Equal(0, grid.IndexOf(Beat.Time("2026-03-28T22:59:59Z")));
        Assert.Equal(1, grid.IndexOf(Beat.Time("2026-03-28T23:00:00Z")));
        Assert.Equal(1, grid.IndexOf(Beat.Time("2026-03-29T21:59:59Z")));
        Assert.Equal(2, grid.IndexOf(Beat.Time("2026-03-29T22:00:00Z")));
        Assert.Equal(-1, grid.IndexOf(grid.End));
    }
}
