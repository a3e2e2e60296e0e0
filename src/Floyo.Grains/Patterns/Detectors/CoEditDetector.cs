using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// Finds files changed together: change events are cut into work windows (one project, no pause over the window gap,
/// at most the maximum window length). A closed window counts once for each of its files and, by the share of the
/// window's files it makes up (k of n), for each subset of 2..4 of its files that makes up at least half of it. A subset
/// enters the group sketch when it recurs within the last <see cref="KeptWindows"/> windows, its earlier occurrences
/// counted, so one-off combinations never churn the sketch and a group's first occurrence is not lost. Windows with more
/// files than <see cref="PatternOptions.CoEditMaxFilesPerWindow"/> (bulk changes) do not count at all.
/// </summary>
internal sealed class CoEditDetector(CoEditState state, PatternOptions options)
{
    public const int FileCapacity = 256;
    public const int GroupCapacity = 512;
    private const char Separator = '\n';
    private const char ProjectSeparator = '\t';
    public const int KeptWindows = 64;

    public void Apply(ActivityEvent e)
    {
        if (!PatternEvents.IsChange(e))
        {
            return;
        }

        if (state.WindowFiles.Count > 0)
        {
            var paused = e.Project != state.WindowProject || e.Timestamp - state.WindowLast > options.CoEditWindowGap;
            if (paused || e.Timestamp - state.WindowStart > options.CoEditMaxWindow)
            {
                CloseWindow(continued: !paused);
            }
        }

        if (state.WindowFiles.Count == 0)
        {
            state.WindowProject = e.Project;
            state.WindowStart = e.Timestamp;
        }

        state.WindowLast = e.Timestamp;
        if (!state.WindowFiles.Contains(e.Entity))
        {
            if (state.WindowFiles.Count < options.CoEditMaxFilesPerWindow)
            {
                state.WindowFiles.Add(e.Entity);
            }
            else
            {
                state.WindowOverflow = true;
            }
        }
    }

    public IReadOnlyList<CoEditGroup> Report()
    {
        var candidates = new List<CoEditGroup>();
        foreach (var (key, entry) in state.Groups)
        {
            var support = entry.Guaranteed;
            if (support < options.CoEditMinSupport)
            {
                continue;
            }

            var parts = key.Split(ProjectSeparator);
            var files = parts[1].Split(Separator);
            var counts = files.Select(f => state.Files.TryGetValue(parts[0] + ProjectSeparator + f, out var c) ? c.Count : support).ToList();
            var confidence = Math.Min(1, support / counts.Max());
            var lift = support * Math.Pow(state.Windows, files.Length - 1) / counts.Aggregate(1.0, (p, c) => p * c);
            if (confidence >= options.CoEditMinConfidence && lift >= options.CoEditMinLift)
            {
                candidates.Add(new CoEditGroup(files, parts[0].Length == 0 ? null : parts[0], Math.Round(support, 2), Math.Round(confidence, 3),
                    Math.Round(lift, 2), entry.LastSeen));
            }
        }

        return [.. candidates
            .Where(g => !candidates.Any(s => s.Files.Count > g.Files.Count && g.Files.All(s.Files.Contains)))
            .OrderByDescending(g => g.Support)
            .ThenByDescending(g => g.Files.Count)
            .ThenBy(g => string.Join(Separator, g.Files), StringComparer.Ordinal)
            .Take(50)];
    }

    private void CloseWindow(bool continued)
    {
        var day = PatternEvents.DayOf(state.WindowLast);
        var factor = Decay.Factor(state.DecayDay, day, options.DecayHalfLifeDays);
        if (factor < 1)
        {
            state.Windows *= factor;
            SpaceSaving.Decay(state.Files, factor);
            SpaceSaving.Decay(state.Groups, factor);
        }

        state.DecayDay = Math.Max(state.DecayDay, day);
        var counted = !state.WindowOverflow;
        if (counted)
        {
            Count();
        }

        state.WindowFiles.Clear();
        state.WindowOverflow = false;
        state.WindowContinues = continued && counted;
    }

    /// <summary>Counts the closed window for its files and for the subsets that make up at least half of it.</summary>
    private void Count()
    {
        state.Windows++;
        var project = state.WindowProject ?? "";
        var keys = state.WindowFiles.Order(StringComparer.Ordinal).Select(f => project + ProjectSeparator + f).ToList();
        var window = new CoEditWindow { Day = state.DecayDay, Files = [.. keys.Select(StableHash.Of)] };

        // A window cut only by the length cap continues the previous one: what that one counted is not counted again.
        var previous = state.WindowContinues && state.RecentWindows.Count > 0 ? state.RecentWindows[^1].Files : [];
        for (var i = 0; i < keys.Count; i++)
        {
            if (!previous.Contains(window.Files[i]))
            {
                SpaceSaving.Add(state.Files, FileCapacity, keys[i], 1, state.WindowLast, null);
            }
        }

        var smallest = Math.Max(2, (keys.Count + 1) / 2);
        foreach (var subset in Subsets(keys.Count, smallest, Math.Clamp(options.CoEditMaxGroupSize, 2, 4)))
        {
            var hashes = subset.Select(i => window.Files[i]).ToArray();
            if (hashes.All(previous.Contains))
            {
                continue;
            }

            var key = project + ProjectSeparator + string.Join(Separator, subset.Select(i => keys[i][(project.Length + 1)..]));
            var share = (double)subset.Length / keys.Count;
            if (state.Groups.ContainsKey(key))
            {
                SpaceSaving.Add(state.Groups, GroupCapacity, key, share, state.WindowLast, null);
                continue;
            }

            // A subset enters the sketch once it recurs within the kept windows, with its earlier occurrences counted,
            // so one-off combinations never churn the sketch and a group's first occurrence is not lost.
            var earlier = state.RecentWindows.Sum(w => EarlierShare(w, hashes));
            if (earlier > 0)
            {
                SpaceSaving.Add(state.Groups, GroupCapacity, key, share + earlier, state.WindowLast, null);
            }
        }

        state.RecentWindows.Add(window);
        if (state.RecentWindows.Count > KeptWindows)
        {
            state.RecentWindows.RemoveAt(0);
        }
    }

    /// <summary>The decayed share the subset with these file hashes had in an earlier window (0 when not all in it).</summary>
    private double EarlierShare(CoEditWindow window, uint[] subset) =>
        subset.All(window.Files.Contains)
            ? (double)subset.Length / window.Files.Length * Decay.Factor(window.Day, state.DecayDay, options.DecayHalfLifeDays)
            : 0;

    /// <summary>Every subset of <paramref name="minSize"/>..<paramref name="maxSize"/> of the indexes 0..count-1, ascending.</summary>
    private static IEnumerable<int[]> Subsets(int count, int minSize, int maxSize)
    {
        var stack = new List<int>();
        return Grow(0);

        IEnumerable<int[]> Grow(int from)
        {
            for (var i = from; i < count; i++)
            {
                stack.Add(i);
                if (stack.Count >= minSize)
                {
                    yield return [.. stack];
                }

                if (stack.Count < maxSize)
                {
                    foreach (var deeper in Grow(i + 1))
                    {
                        yield return deeper;
                    }
                }

                stack.RemoveAt(stack.Count - 1);
            }
        }
    }
}
