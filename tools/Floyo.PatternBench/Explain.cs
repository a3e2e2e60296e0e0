using Floyo.Patterns.Detectors;
using Floyo.SampleData;

namespace Floyo.PatternBench;

/// <summary>Prints what was planted for one user next to what the detectors reported (for --explain USER).</summary>
internal static class Explain
{
    public static void Print(UserTruth truth, PatternReplay.Result run)
    {
        Console.WriteLine($"user {truth.Index}: {truth.Persona.Name}, {truth.Events} events");
        foreach (var g in truth.CoEditGroups)
        {
            var found = run.Final.CoEditGroups.Any(r => r.Project == g.Project && r.Files.Order(StringComparer.Ordinal).SequenceEqual(g.Files.Order(StringComparer.Ordinal)));
            Console.WriteLine($"  planted group x{g.Occurrences} {(found ? "found" : "MISSED")} {g.Project}: {string.Join(", ", g.Files)}");
            var key = g.Project + "\t" + string.Join("\n", g.Files.Order(StringComparer.Ordinal));
            var entry = run.State.CoEdit.Groups.GetValueOrDefault(key);
            Console.WriteLine($"    sketch: count {entry?.Count:0.00} error {entry?.Error:0.00}; files {string.Join(", ", g.Files.Select(f => run.State.CoEdit.Files.GetValueOrDefault(g.Project + "\t" + f)?.Count.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))}; windows {run.State.CoEdit.Windows:0.0}");
        }

        foreach (var g in run.Final.CoEditGroups)
        {
            var correct = truth.CoEditGroups.Any(p => p.Project == g.Project && g.Files.All(p.Files.Contains));
            Console.WriteLine($"  reported group {(correct ? "true" : "FALSE")} s={g.Support} c={g.Confidence} l={g.Lift} {g.Project}: {string.Join(", ", g.Files)}");
        }

        foreach (var w in truth.Workflows)
        {
            Console.WriteLine($"  planted workflow x{w.Occurrences}: {string.Join(" > ", w.Steps)}");
        }

        foreach (var w in run.Final.Workflows)
        {
            Console.WriteLine($"  reported workflow x{w.Occurrences} {w.TypicalSeconds:0}s: {string.Join(" > ", w.Steps.Select(s => s.Id))}");
        }

        foreach (var s in run.FocusSessions.Where(s => !truth.FocusSessions.Any(p => Matches(p, s))))
        {
            var near = truth.FocusSessions.Concat(truth.ScatteredBlocks).Where(p => p.Start < s.End && s.Start < p.End)
                .Select(p => $"{p.Project}/{p.Area} {p.Start:MM-dd HH:mm}–{p.End:HH:mm}");
            Console.WriteLine($"  unmatched focus {s.Project}/{s.Area} {s.Start:MM-dd HH:mm}–{s.End:HH:mm}; planted there: {string.Join("; ", near)}");
        }

        foreach (var d in truth.UnusualDays)
        {
            Console.WriteLine($"  planted unusual {d.Day} {d.Kind}");
        }

        foreach (var d in run.UnusualDays)
        {
            Console.WriteLine($"  flagged {d.Day} score {d.Score}: {string.Join(", ", d.Drivers.Select(x => $"{x.Name}={x.Value} (median {x.BaselineMedian}, {x.Deviation})"))}");
        }
    }

    private static bool Matches(PlantedSpan planted, Floyo.Patterns.FocusSession session)
    {
        var overlap = (Min(planted.End, session.End) - Max(planted.Start, session.Start)).TotalSeconds;
        var union = (Max(planted.End, session.End) - Min(planted.Start, session.Start)).TotalSeconds;
        return planted.Project == session.Project && planted.Area == session.Area && union > 0 && overlap / union >= 0.5;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
