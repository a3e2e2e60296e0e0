using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// Finds frequent ordered step sequences. Events map to steps (<see cref="PatternEvents.StepOf"/>); repeats collapse;
/// a pause longer than the episode gap ends an episode. Changes of many distinct files in quick succession (each within
/// the burst gap of the previous one, see <see cref="BurstGap"/>) become one commit-like burst step, replacing the
/// trailing edit steps those changes opened. A step is sealed once it is followed by another and can no longer be
/// replaced by a burst (it is not an edit, or it is older than the current cluster of changes), or when the episode ends; sealing counts every sequence of 2..4 steps ending with it, with its duration
/// (first step's start to last step's start). Sequences of edits only (source↔test ping-pong) are not reported as
/// workflows: they are what co-edit groups describe; a workflow has at least one build, test run, debug session,
/// review or commit-like burst. Only maximal sequences are reported: one inside a longer reported sequence is not.
/// </summary>
internal sealed class WorkflowDetector(WorkflowState state, PatternOptions options)
{
    private readonly RecentGaps changeGaps = new(state.ChangeGaps, KeptChangeGaps);

    public const int SequenceCapacity = 256;
    public const int MaxLength = 4;
    private const int MaxUnsealed = 32;
    private const int MaxRecentChanges = 16;
    private const int KeptChangeGaps = 31;
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
            RemoveTrailingEdits(state.RecentChanges[0].At);
            step = WorkflowSteps.CommitBurst;
        }
        else if (state.InBurst && IsEdit(step))
        {
            step = null;
        }

        if (step is not null && (state.Steps.Count == 0 || state.Steps[^1].Name != step))
        {
            state.Steps.Add(new StepMark { Name = step, At = e.Timestamp });
        }

        SealReady(e.Timestamp);
    }

    public IReadOnlyList<Workflow> Report()
    {
        var candidates = state.Sequences
            .Where(kv => kv.Value.Guaranteed >= options.WorkflowMinOccurrences && !kv.Key.Split(Separator).All(IsEdit))
            .Select(kv => (Steps: kv.Key.Split(Separator), Entry: kv.Value))
            .ToList();
        return [.. candidates
            .Where(c => !candidates.Any(s => s.Steps.Length > c.Steps.Length && Contains(s.Steps, c.Steps)))
            .OrderByDescending(c => c.Entry.Guaranteed)
            .ThenByDescending(c => c.Steps.Length)
            .ThenBy(c => string.Join(Separator, c.Steps), StringComparer.Ordinal)
            .Take(30)
            .Select(c => new Workflow(
                [.. c.Steps.Select(WorkflowSteps.Get)],
                Math.Round(c.Entry.Guaranteed, 2),
                RecentGaps.Of(c.Entry.Samples),
                c.Entry.LastSeen))];
    }

    private static bool IsEdit(string? step) =>
        step is WorkflowSteps.EditSource or WorkflowSteps.EditTest or WorkflowSteps.EditConfig;

    /// <summary>Records the change in the current cluster of changes; true when it makes the cluster a new commit-like burst.</summary>
    private bool TrackBurst(ActivityEvent e)
    {
        if (state.RecentChanges.Count > 0)
        {
            var gap = e.Timestamp - state.RecentChanges[^1].At;
            if (gap > BurstGap())
            {
                RecordGap(gap);
                state.RecentChanges.Clear();
                state.InBurst = false;
            }
        }

        state.RecentChanges.Add(new StepMark { Name = e.Entity, At = e.Timestamp });
        if (state.RecentChanges.Count > MaxRecentChanges)
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

    /// <summary>
    /// The longest gap between two changes of one burst: a quarter of the user's median gap between consecutive changes
    /// outside bursts (pauses excluded), at most <see cref="PatternOptions.CommitBurstMaxGap"/>, so a burst is always far
    /// denser than how this user saves anyway.
    /// </summary>
    private TimeSpan BurstGap()
    {
        if (changeGaps.Count == 0)
        {
            return options.CommitBurstMaxGap;
        }

        var quarter = TimeSpan.FromSeconds(changeGaps.Median / 4);
        return quarter < options.CommitBurstMaxGap ? quarter : options.CommitBurstMaxGap;
    }

    private void RecordGap(TimeSpan gap)
    {
        if (gap <= options.WorkflowEpisodeGap)
        {
            changeGaps.Add(gap);
        }
    }

    /// <summary>True while the current cluster of changes can still grow (the latest change is within the burst gap).</summary>
    private bool ClusterOpen(DateTimeOffset now) =>
        state.RecentChanges.Count > 0 && now - state.RecentChanges[^1].At <= BurstGap();

    /// <summary>Removes the unsealed edit steps at the end that started at or after <paramref name="from"/>.</summary>
    private void RemoveTrailingEdits(DateTimeOffset from)
    {
        while (state.Steps.Count > state.Sealed && IsEdit(state.Steps[^1].Name) && state.Steps[^1].At >= from)
        {
            state.Steps.RemoveAt(state.Steps.Count - 1);
        }
    }

    /// <summary>Seals the steps that no burst can replace any more: non-edits, and edits before the current cluster of changes.</summary>
    private void SealReady(DateTimeOffset now)
    {
        var open = ClusterOpen(now);
        while (state.Sealed < state.Steps.Count - 1
            && (!IsEdit(state.Steps[state.Sealed].Name) || !open || state.Steps[state.Sealed].At < state.RecentChanges[0].At
                || state.Steps.Count - state.Sealed > MaxUnsealed))
        {
            SealNext();
        }
    }

    private void EndEpisode()
    {
        while (state.Sealed < state.Steps.Count)
        {
            SealNext();
        }

        state.Steps.Clear();
        state.Sealed = 0;
        state.RecentChanges.Clear();
        state.InBurst = false;
    }

    /// <summary>Counts every sequence of 2..4 steps that ends with the first unsealed step, then drops old context.</summary>
    private void SealNext()
    {
        var steps = state.Steps;
        var index = state.Sealed++;
        var end = steps[index];
        var day = PatternEvents.DayOf(end.At);
        var factor = Decay.Factor(state.DecayDay, day, options.DecayHalfLifeDays);
        if (factor < 1)
        {
            SpaceSaving.Decay(state.Sequences, factor);
        }

        state.DecayDay = Math.Max(state.DecayDay, day);
        for (var length = 2; length <= Math.Min(MaxLength, index + 1); length++)
        {
            var first = steps[index - length + 1];
            var key = string.Join(Separator, steps.Skip(index - length + 1).Take(length).Select(s => s.Name));
            var entry = SpaceSaving.Add(state.Sequences, SequenceCapacity, key, 1, end.At, null);
            SpaceSaving.AddSample(entry, (end.At - first.At).TotalSeconds);
        }

        while (state.Sealed > MaxLength - 1)
        {
            steps.RemoveAt(0);
            state.Sealed--;
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
}
