using Floyo.Activity;

namespace Floyo.Postgres.Tests.EventLog;

/// <summary>Compares stored events by value, dependencies included (records compare lists by reference).</summary>
internal static class EventAssert
{
    public static void Equal(IReadOnlyList<SequencedEvent> expected, IReadOnlyList<SequencedEvent> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Event.Details?.Dependencies, actual[i].Event.Details?.Dependencies);
            Assert.Equal(WithoutDependencies(expected[i]), WithoutDependencies(actual[i]));
        }
    }

    private static SequencedEvent WithoutDependencies(SequencedEvent stored) =>
        stored.Event.Details is null ? stored : stored with { Event = stored.Event with { Details = stored.Event.Details with { Dependencies = null } } };
}
