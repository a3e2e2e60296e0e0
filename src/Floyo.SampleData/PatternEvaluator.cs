using Floyo.Patterns;

namespace Floyo.SampleData;

/// <summary>
/// Compares what the pattern engine reported for a user with what the generator planted. Definitions (also in
/// docs/BENCHMARKS.md):
/// <list type="bullet">
/// <item>Co-edit group: a reported group is a true positive when all its files belong to one planted group of its
/// project (its claim "these change together" is true, though maybe incomplete), a false positive otherwise. Recall is
/// stricter: an expected group (planted with at least <see cref="MinOccurrences"/> intact occurrences) is found only
/// when a reported group has exactly its files. Negatives for the FPR: same-project pairs of files among all planted-group files and decoy hot files
/// that are not in one planted group; a negative is flagged when some reported group contains both files.</item>
/// <item>Workflow: a reported workflow matches a planted one when its steps are equal. Expected: planted with at least
/// <see cref="MinOccurrences"/> intact occurrences. Negatives: every sequence of 2..4 step ids without a repeated
/// neighbour that is neither planted nor a contiguous part of a planted workflow; flagged when reported.</item>
/// <item>Focus session: a detected session matches a planted one (one-to-one) when project and area are equal and
/// their time intersection over union is at least 0.5. Expected: planted sessions that ended at least the focus gap
/// before the last event (the detector can only close those). Negatives: planted scattered blocks; flagged when a
/// detected session overlaps the block for 10 minutes or more.</item>
/// <item>Unusual day: a flagged day matches a planted one when the days are equal. Expected: planted days with at
/// least 7 earlier active days. Negatives: other active days with at least 7 earlier active days.</item>
/// </list>
/// </summary>
public static class PatternEvaluator
{
    public const int MinOccurrences = 6;
    private static readonly TimeSpan FocusGap = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScatterOverlap = TimeSpan.FromMinutes(10);

    public static Evaluation Evaluate(
        UserTruth truth,
        IReadOnlyList<CoEditGroup> groups,
        IReadOnlyList<Workflow> workflows,
        IReadOnlyList<FocusSession> sessions,
        IReadOnlyList<UnusualDay> unusualDays,
        IReadOnlyList<DateOnly> activeDays,
        DateTimeOffset lastEvent) => new(
            CoEdit(truth, groups),
            Workflows(truth, workflows),
            Focus(truth, sessions, lastEvent),
            Unusual(truth, unusualDays, activeDays));

    private static Confusion CoEdit(UserTruth truth, IReadOnlyList<CoEditGroup> reported)
    {
        static string Key(string? project, IEnumerable<string> files) =>
            project + "|" + string.Join("\n", files.Order(StringComparer.Ordinal));

        var tp = reported.Count(r => truth.CoEditGroups.Any(g => g.Project == r.Project && r.Files.All(g.Files.Contains)));
        var expected = truth.CoEditGroups.Where(g => g.Occurrences >= MinOccurrences).ToList();
        var found = expected.Count(e => reported.Any(r => Key(r.Project, r.Files) == Key(e.Project, e.Files)));

        var files = truth.CoEditGroups.SelectMany(g => g.Files.Select(f => (g.Project, File: f)))
            .Concat(truth.DecoyFiles.Select(d => (d.Project, d.File))).Distinct().ToList();
        var negatives = 0;
        var flagged = 0;
        for (var i = 0; i < files.Count; i++)
        {
            for (var j = i + 1; j < files.Count; j++)
            {
                var (a, b) = (files[i], files[j]);
                if (a.Project != b.Project
                    || truth.CoEditGroups.Any(g => g.Project == a.Project && g.Files.Contains(a.File) && g.Files.Contains(b.File)))
                {
                    continue;
                }

                negatives++;
                if (reported.Any(r => r.Project == a.Project && r.Files.Contains(a.File) && r.Files.Contains(b.File)))
                {
                    flagged++;
                }
            }
        }

        return new Confusion(tp, reported.Count - tp, expected.Count - found, negatives, flagged) { ExpectedFound = found };
    }

    private static Confusion Workflows(UserTruth truth, IReadOnlyList<Workflow> reported)
    {
        static string Key(IEnumerable<string> steps) => string.Join(">", steps);

        var planted = truth.Workflows.Select(w => Key(w.Steps)).ToHashSet();
        var keys = reported.Select(r => Key(r.Steps.Select(s => s.Id))).ToList();
        var tp = keys.Count(planted.Contains);
        var expected = truth.Workflows.Where(w => w.Occurrences >= MinOccurrences).Select(w => Key(w.Steps)).ToList();
        var found = expected.Count(keys.Contains);

        var ambiguous = truth.Workflows.SelectMany(w => Parts(w.Steps)).Select(Key).ToHashSet();
        var ids = WorkflowSteps.All.Select(s => s.Id).ToList();
        var negatives = AllSequences(ids).Select(Key).Count(k => !ambiguous.Contains(k));
        var flagged = keys.Count(k => !ambiguous.Contains(k));
        return new Confusion(tp, keys.Count - tp, expected.Count - found, negatives, flagged) { ExpectedFound = found };
    }

    private static Confusion Focus(UserTruth truth, IReadOnlyList<FocusSession> detected, DateTimeOffset lastEvent)
    {
        var unmatched = truth.FocusSessions.ToList();
        var expected = truth.FocusSessions.Where(p => p.End <= lastEvent - FocusGap).ToHashSet();
        var tp = 0;
        var found = 0;
        foreach (var session in detected)
        {
            var match = unmatched.FirstOrDefault(p => p.Project == session.Project && p.Area == session.Area
                && IntersectionOverUnion(p.Start, p.End, session.Start, session.End) >= 0.5);
            if (match is not null)
            {
                unmatched.Remove(match);
                tp++;
                found += expected.Contains(match) ? 1 : 0;
            }
        }

        var flagged = truth.ScatteredBlocks.Count(b => detected.Any(s => Overlap(b.Start, b.End, s.Start, s.End) >= ScatterOverlap));
        return new Confusion(tp, detected.Count - tp, expected.Count - found, truth.ScatteredBlocks.Count, flagged) { ExpectedFound = found };
    }

    private static Confusion Unusual(UserTruth truth, IReadOnlyList<UnusualDay> flaggedDays, IReadOnlyList<DateOnly> activeDays)
    {
        var scorable = activeDays.Order().Skip(7).ToHashSet();
        var planted = truth.UnusualDays.Select(d => d.Day).ToHashSet();
        var flagged = flaggedDays.Select(d => d.Day).ToHashSet();
        var tp = flagged.Count(planted.Contains);
        var expected = planted.Where(scorable.Contains).ToList();
        var found = expected.Count(flagged.Contains);
        var negatives = scorable.Where(d => !planted.Contains(d)).ToList();
        return new Confusion(tp, flagged.Count - tp, expected.Count - found, negatives.Count, negatives.Count(flagged.Contains))
        { ExpectedFound = found };
    }

    private static IEnumerable<IReadOnlyList<string>> Parts(IReadOnlyList<string> steps)
    {
        for (var length = 2; length <= steps.Count; length++)
        {
            for (var start = 0; start + length <= steps.Count; start++)
            {
                yield return steps.Skip(start).Take(length).ToList();
            }
        }
    }

    private static IEnumerable<List<string>> AllSequences(List<string> ids)
    {
        IEnumerable<List<string>> Extend(List<string> prefix) =>
            ids.Where(id => id != prefix[^1]).Select(id => (List<string>)[.. prefix, id]);

        var level = ids.Select(id => new List<string> { id }).ToList();
        for (var length = 2; length <= 4; length++)
        {
            level = [.. level.SelectMany(Extend)];
            foreach (var sequence in level)
            {
                yield return sequence;
            }
        }
    }

    private static double IntersectionOverUnion(DateTimeOffset a0, DateTimeOffset a1, DateTimeOffset b0, DateTimeOffset b1)
    {
        var union = (Max(a1, b1) - Min(a0, b0)).TotalSeconds;
        return union <= 0 ? 0 : Overlap(a0, a1, b0, b1).TotalSeconds / union;
    }

    private static TimeSpan Overlap(DateTimeOffset a0, DateTimeOffset a1, DateTimeOffset b0, DateTimeOffset b1)
    {
        var overlap = Min(a1, b1) - Max(a0, b0);
        return overlap > TimeSpan.Zero ? overlap : TimeSpan.Zero;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
