using System.Runtime.InteropServices;
using Floyo.Activity;
using Floyo.Reports;

namespace Floyo.Time;

/// <summary>One day's accumulated time, in ticks (exact; converted to seconds only when built).</summary>
internal sealed class DayTally
{
    private readonly Dictionary<ReportDimension, Dictionary<string, long>> byDimension =
        EventNames.Dimensions.ToDictionary(d => d, _ => new Dictionary<string, long>(StringComparer.Ordinal));

    private long totalTicks;

    /// <summary>Adds <paramref name="ticks"/> to the total and to every name <paramref name="e"/> counts under.</summary>
    public void Add(ActivityEvent e, long ticks)
    {
        totalTicks += ticks;
        foreach (var (dimension, names) in byDimension)
        {
            if (dimension != ReportDimension.Dependencies)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(names, EventNames.Single(e, dimension), out _) += ticks;
                continue;
            }

            foreach (var name in EventNames.Of(e, dimension))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(names, name, out _) += ticks;
            }
        }
    }

    /// <summary>The day's report: every dimension present (possibly empty), names by time descending then name.</summary>
    public DayReport ToReport(DateOnly day) => new(
        day,
        Seconds(totalTicks),
        byDimension.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<NamedDuration>)[.. pair.Value
                .OrderByDescending(n => n.Value)
                .ThenBy(n => n.Key, StringComparer.Ordinal)
                .Select(n => new NamedDuration(n.Key, Seconds(n.Value)))]));

    public static double Seconds(long ticks) => (double)ticks / TimeSpan.TicksPerSecond;
}
