using Floyo.Time;

namespace Floyo.Grains.Tests.Time;

public sealed class ReportRangeTests
{
    [Theory]
    [InlineData("2026-03-02", "2026-03-01", "ends (2026-03-01) before it starts (2026-03-02)")]
    [InlineData("2025-01-01", "2026-01-02", "at most 366 days; 2025-01-01..2026-01-02 is 367 days")]
    [InlineData("1969-12-31", "1970-01-01", "within 1970-01-01..9998-12-31")]
    public void Validate_WhenTheRangeIsBad_ThrowsWithAClearMessage(string start, string end, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ReportRange.Validate(Beat.Day(start), Beat.Day(end)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTheRangeIs366Days_Accepts() => ReportRange.Validate(Beat.Day("2024-01-01"), Beat.Day("2024-12-31"));
}
