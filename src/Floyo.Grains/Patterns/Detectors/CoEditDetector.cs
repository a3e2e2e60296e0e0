using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// Finds files changed together: change events are cut into work windows (one project, no pause over the window gap,
/// at most the maximum window length); each closed window counts once for each file and for each subset of 2..k of its
/// files among those certainly seen in two windows (windows with more files than <see cref="PatternOptions.CoEditMaxFilesPerWindow"/> count for files only).
/// </summary>
internal sealed class CoEditDetector(CoEditState state, PatternOptions options)
{
    public const int FileCapacity = 256;
    public const int GroupCapacity = 512;
    private const char Separator = '\n';
    private const char ProjectSeparator = '\t';
    private const double MinSeen = 1.9;

    public void Apply(ActivityEvent e)
    {
        if (!PatternEvents.IsChange(e))
        {
            return;
        }

        if (state.WindowFiles.Count > 0
            && (e.Project != state.WindowProject
                || e.Timestamp - state.WindowLast > options.CoEditWindowGap
                || e.Timestamp - state.WindowStart > options.CoEditMaxWindow))
        {
            CloseWindow();
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

    private void CloseWindow()
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
        state.Windows++;
        var project = state.WindowProject ?? "";
        var files = state.WindowFiles.Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            SpaceSaving.Add(state.Files, FileCapacity, project + ProjectSeparator + file, 1, state.WindowLast, null);
        }

        // Gating keeps one-off files from churning the group sketch: only files certainly changed in MinSeen windows
        // (this one included) form groups. A group's first occurrence can go uncounted: support is a lower bound.
        var seen = files.Where(f => state.Files[project + ProjectSeparator + f].Guaranteed >= MinSeen).ToList();
        if (!state.WindowOverflow && seen.Count >= 2)
        {
            foreach (var subset in Subsets(seen, Math.Clamp(options.CoEditMaxGroupSize, 2, 4)))
            {
                SpaceSaving.Add(state.Groups, GroupCapacity, project + ProjectSeparator + string.Join(Separator, subset), 1,
                    state.WindowLast, null);
            }
        }

        state.WindowFiles.Clear();
        state.WindowOverflow = false;
    }

    /// <summary>Every subset of 2..<paramref name="maxSize"/> elements, elements in their given (sorted) order.</summary>
    private static IEnumerable<List<string>> Subsets(List<string> files, int maxSize)
    {
        var stack = new List<string>();
        return Grow(0);

        IEnumerable<List<string>> Grow(int from)
        {
            for (var i = from; i < files.Count; i++)
            {
                stack.Add(files[i]);
                if (stack.Count >= 2)
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
