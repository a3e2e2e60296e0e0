namespace Floyo.Patterns.Detectors;

/// <summary>What one UTC day looked like: the raw material of context-switch rates and unusual-day scores.</summary>
[GenerateSerializer, Alias("floyo.DayStats")]
public sealed class DayStats
{
    [Id(0)] public long Events { get; set; }

    [Id(1)] public int Switches { get; set; }

    [Id(2)] public int ProjectSwitches { get; set; }

    /// <summary>15-minute slots with at least one event.</summary>
    [Id(3)] public int Slots { get; set; }

    [Id(4)] public int LastSlot { get; set; } = -1;

    /// <summary>A 256-bit linear-counting sketch of the distinct files (FNV-1a hashes).</summary>
    [Id(5)] public ulong[] FileBits { get; set; } = new ulong[4];

    /// <summary>Distinct projects, at most 16 kept.</summary>
    [Id(6)] public List<string> Projects { get; set; } = [];

    /// <summary>Minute of the day (UTC) of the first and the last event.</summary>
    [Id(7)] public int FirstMinute { get; set; }

    [Id(8)] public int LastMinute { get; set; }

    public double ActiveHours => Slots / 4.0;

    /// <summary>The linear-counting estimate of distinct files.</summary>
    public double Files
    {
        get
        {
            var zeros = FileBits.Sum(b => 64 - System.Numerics.BitOperations.PopCount(b));
            return zeros == 0 ? 256 * Math.Log(256) : -256 * Math.Log(zeros / 256.0);
        }
    }
}
