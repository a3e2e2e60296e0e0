namespace Floyo.SampleData;

/// <summary>
/// Simulates whether a generated user accepts a recommendation of a type, from their hidden preference: deterministic
/// for (seed, user, type, impression), so an evaluation replays identically.
/// </summary>
public sealed class FeedbackSimulator(GroundTruth truth)
{
    /// <summary>True when user <paramref name="userIndex"/> accepts the <paramref name="impression"/>-th showing of
    /// <paramref name="type"/>; false when they dismiss it.</summary>
    public bool Accepts(int userIndex, string type, int impression)
    {
        var preference = truth.Users[userIndex].Preferences.GetValueOrDefault(type, 0.2);
        var random = new Random(unchecked((truth.Options.Seed * 1_000_003) + (userIndex * 7_919) + (StableHash(type) * 31) + impression));
        return random.NextDouble() < preference;
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
