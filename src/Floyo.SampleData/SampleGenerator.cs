using Floyo.Activity;

namespace Floyo.SampleData;

/// <summary>Generates sample activity with its ground truth. Deterministic: the same options give the same output.</summary>
public static class SampleGenerator
{
    /// <summary>One user's events (in time order) with what was planted in them.</summary>
    public sealed record UserSample(UserTruth Truth, IReadOnlyList<ActivityEvent> Events);

    /// <summary>Generates user <paramref name="index"/> (independent of the others, so users can be generated lazily).</summary>
    public static UserSample GenerateUser(SampleDataOptions options, int index)
    {
        var (truth, events) = new UserGenerator(options, index).Generate();
        return new UserSample(truth, events);
    }

    /// <summary>Generates every user.</summary>
    public static (GroundTruth Truth, IReadOnlyList<UserSample> Users) Generate(SampleDataOptions options)
    {
        var users = Enumerable.Range(0, options.Users).Select(i => GenerateUser(options, i)).ToList();
        return (new GroundTruth(options, [.. users.Select(u => u.Truth)]), users);
    }
}
