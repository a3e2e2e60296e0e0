using Floyo.Insights;

namespace Floyo.Patterns;

/// <summary>
/// Sends a pattern grain's freshly generated insights to the user's insights grain when they changed, at most once per
/// <see cref="MinInterval"/>: the first change after a quiet period goes out at once (live updates stay well under the
/// 250 ms target), changes arriving faster are coalesced into one trailing send.
/// </summary>
internal sealed class InsightsPublisher(Func<GeneratedInsights> generate, Func<GeneratedInsights, Task> send, TimeProvider clock)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    private string? lastFingerprint;
    private DateTimeOffset lastSent = DateTimeOffset.MinValue;

    /// <summary>True when a trailing send is due (the caller schedules <see cref="FlushAsync"/> after <see cref="Delay"/>).</summary>
    public bool Pending { get; private set; }

    /// <summary>How long until a pending send may go out.</summary>
    public TimeSpan Delay => lastSent + MinInterval - clock.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;

    /// <summary>Called after events were applied: sends now, or marks a trailing send as pending.</summary>
    public async Task OnAppliedAsync()
    {
        if (clock.GetUtcNow() - lastSent < MinInterval)
        {
            Pending = true;
            return;
        }

        await FlushAsync();
    }

    /// <summary>Generates and sends if the insights differ from the last ones sent.</summary>
    public async Task FlushAsync()
    {
        Pending = false;
        var generated = generate();
        var fingerprint = Fingerprint(generated);
        if (fingerprint == lastFingerprint)
        {
            return;
        }

        lastFingerprint = fingerprint;
        lastSent = clock.GetUtcNow();
        await send(generated);
    }

    /// <summary>What a user would see change: ids, scores, titles, summaries and the numbers.</summary>
    private static string Fingerprint(GeneratedInsights generated) =>
        string.Join('\u001f', generated.Insights.Select(i =>
            $"{i.Id}|{i.Score:R}|{i.Title}|{i.Summary}|{string.Join(',', i.Why.Select(w => w.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}"));
}
