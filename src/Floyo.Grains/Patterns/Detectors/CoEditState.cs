namespace Floyo.Patterns.Detectors;

/// <summary>
/// The co-edit detector's state: the open work window, the decayed number of windows, two space-saving sketches
/// (files keyed by project, a tab and the path; groups keyed by project, a tab and the sorted paths joined with a newline)
/// and the latest closed windows. Bounded by the capacities in <see cref="CoEditDetector"/>.
/// </summary>
[GenerateSerializer, Alias("floyo.CoEditState")]
public sealed class CoEditState
{
    [Id(0)] public string? WindowProject { get; set; }

    [Id(1)] public DateTimeOffset WindowStart { get; set; }

    [Id(2)] public DateTimeOffset WindowLast { get; set; }

    /// <summary>Distinct files changed in the open window, in first-change order (empty: no open window).</summary>
    [Id(3)] public List<string> WindowFiles { get; set; } = [];

    /// <summary>Closed windows, decayed.</summary>
    [Id(4)] public double Windows { get; set; }

    [Id(5)] public Dictionary<string, CounterEntry> Files { get; set; } = [];

    [Id(6)] public Dictionary<string, CounterEntry> Groups { get; set; } = [];

    /// <summary>The day number decay was last applied on.</summary>
    [Id(7)] public int DecayDay { get; set; }

    /// <summary>True when the open window changed more files than it keeps.</summary>
    [Id(8)] public bool WindowOverflow { get; set; }

    /// <summary>The latest closed windows that counted (at most <see cref="CoEditDetector.KeptWindows"/>), oldest first.</summary>
    [Id(9)] public List<CoEditWindow> RecentWindows { get; set; } = [];

    /// <summary>True when the open window continues the latest kept one without a pause (that one reached the length cap).</summary>
    [Id(10)] public bool WindowContinues { get; set; }
}

/// <summary>A closed work window as the co-edit detector remembers it: its day and its files' stable hashes.</summary>
[GenerateSerializer, Alias("floyo.CoEditWindow")]
public sealed class CoEditWindow
{
    /// <summary>The UTC day number of the window's last change.</summary>
    [Id(0)] public int Day { get; set; }

    /// <summary><see cref="StableHash"/> of each file's key (project, a tab, the path), in the window's sorted file order.</summary>
    [Id(1)] public uint[] Files { get; set; } = [];
}
