namespace Floyo.Agent.Events;

/// <summary>
/// Decides when a project's changes are summarised: when one window holds more than the threshold, and for every
/// later window that starts within the cool-down of the last summarised one (so a long burst cut into several
/// windows stays summarised to the end). Used from one thread.
/// </summary>
public sealed class BurstDetector(int threshold, TimeSpan coolDown)
{
    private readonly Dictionary<string, DateTimeOffset> lastBurst = new(StringComparer.Ordinal);

    public bool IsBurst(string projectRoot, int changes, DateTimeOffset now)
    {
        var burst = changes > threshold
            || (lastBurst.TryGetValue(projectRoot, out var last) && now - last <= coolDown && changes > 1);
        if (burst)
        {
            lastBurst[projectRoot] = now;
        }

        return burst;
    }
}
