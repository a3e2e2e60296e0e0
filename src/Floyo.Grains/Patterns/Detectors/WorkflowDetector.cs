using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// Finds frequent ordered step sequences. Events map to steps (<see cref="PatternEvents.StepOf"/>); repeats collapse;
/// a pause longer than the episode gap ends an episode. When a step is followed by a different one (or the episode
/// ends) it is sealed, and every sequence of 2..4 steps ending with it in the episode counts once, with its duration
/// (first step's start to last step's start). Saves of many distinct files within the burst window become one
/// commit-like burst step, replacing the edit step those saves opened.
/// </summary>
internal sealed class WorkflowDetector(WorkflowState state, PatternOptions options)
{
    public const int SequenceCapacity = 256;
    public const int MaxLength = 4;
    private const char Separator = '>';

    public void Apply(ActivityEvent e)
    {
        if (state.LastEventAt is { } last && e.Timestamp - last > options.WorkflowEpisodeGap)
        {
            EndEpisode();
        }

        state.LastEventAt = e.Timestamp;
        var step = PatternEvents.StepOf(e);
        if (PatternEvents.IsChange(e) && TrackBurst(e))
        {
            step = WorkflowSteps.CommitBurst;
        }
        else if (state.InBurst && step is WorkflowSteps.EditSource or WorkflowSteps.EditTest or WorkflowSteps.EditConfig)
        {
            return;
        }

        if (step is null || (state.Steps.Count > 0 && state.Steps[^1].Name == step))
        {
            return;
        }

        if (step == WorkflowSteps.CommitBurst && state.Steps.Count > 0 && state.Steps[^1].At >= state.RecentChanges[0].At)
        {
            state.Steps.RemoveAt(state.Steps.Count - 1); // the edit step the burst's first saves opened
            if (state.Steps.Count > 0 && state.Steps[^1].Name == step)
            {
                return;
            }
        }

        if (state.Steps.Count > 0)
        {
            Seal();
        }

        state.Steps.Add(new StepMark { Name = step, At = e.Timestamp });
        if (state.Steps.Count > MaxLength)
        {
            state.Steps.RemoveAt(0);
        }
    }

    public IReadOnlyList<Workflow> Report()
    {
        var candidates = state.Sequences
            .Where(kv => kv.Value.Guaranteed >= options.WorkflowMinOccurrences)
            .Select(kv => (Steps: kv.Key.Split(Separator), Entry: kv.Value))
            .ToList();
        return [.. candidates
            .Where(c => !candidates.Any(s => s.Steps.Length > c.Steps.Length
                && s.Entry.Guaranteed >= 0.8 * c.Entry.Guaranteed && Contains(s.Steps, c.Steps)))
            .OrderByDescending(c => c.Entry.Guaranteed)
            .ThenByDescending(c => c.Steps.Length)
            .ThenBy(c => string.Join(Separator, c.Steps), StringComparer.Ordinal)
            .Take(30)
            .Select(c => new Workflow(
                [.. c.Steps.Select(WorkflowSteps.Get)],
                Math.Round(c.Entry.Guaranteed, 2),
                Median(c.Entry.Samples),
                c.Entry.LastSeen))];
    }

    /// <summary>Records the change; true when it makes the recent changes a new commit-like burst.</summary>
    private bool TrackBurst(ActivityEvent e)
    {
        state.RecentChanges.RemoveAll(c => e.Timestamp - c.At > options.CommitBurstWindow);
        if (state.RecentChanges.Count == 0)
        {
            state.InBurst = false;
        }

        state.RecentChanges.Add(new StepMark { Name = e.Entity, At = e.Timestamp });
        if (state.RecentChanges.Count > 16)
        {
            state.RecentChanges.RemoveAt(0);
        }

        if (state.InBurst || state.RecentChanges.Select(c => c.Name).Distinct().Count() < options.CommitBurstFiles)
        {
            return false;
        }

        state.InBurst = true;
        return true;
    }

    private void EndEpisode()
    {
        if (state.Steps.Count > 0)
        {
            Seal();
        }

        state.Steps.Clear();
        state.RecentChanges.Clear();
        state.InBurst = false;
    }

    /// <summary>Counts every sequence of 2..4 steps that ends with the last step.</summary>
    private void Seal()
    {
        var steps = state.Steps;
        var end = steps[^1];
        var day = PatternEvents.DayOf(end.At);
        var factor = Decay.Factor(state.DecayDay, day, options.DecayHalfLifeDays);
        if (factor < 1)
        {
            SpaceSaving.Decay(state.Sequences, factor);
        }

        state.DecayDay = Math.Max(state.DecayDay, day);
        for (var length = 2; length <= steps.Count; length++)
        {
            var first = steps[^length];
            var key = string.Join(Separator, steps.Skip(steps.Count - length).Select(s => s.Name));
            var entry = SpaceSaving.Add(state.Sequences, SequenceCapacity, key, 1, end.At, null);
            SpaceSaving.AddSample(entry, (end.At - first.At).TotalSeconds);
        }
    }

    private static bool Contains(string[] longer, string[] shorter)
    {
        for (var i = 0; i + shorter.Length <= longer.Length; i++)
        {
            if (longer.AsSpan(i, shorter.Length).SequenceEqual(shorter))
            {
                return true;
            }
        }

        return false;
    }

    private static double Median(List<double>? samples)
    {
        if (samples is not { Count: > 0 })
        {
            return 0;
        }

        var sorted = samples.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
