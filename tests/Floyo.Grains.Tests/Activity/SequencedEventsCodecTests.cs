using Floyo.Activity;
using Floyo.Activity.Codecs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Floyo.Grains.Tests.Activity;

public sealed class SequencedEventsCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 23, 59, 58, 123, TimeSpan.FromHours(5.5));

    /// <summary>Every property of an event and of its details set to something other than its default.</summary>
    private static readonly ActivityEvent Full = new(
        ActivityKind.Renamed, "src/new.cs", At, "floyo", "C#", "vscode", "main", "src/old.cs", "id-1",
        new EventDetails
        {
            Type = EntityType.Url,
            Category = "debugging",
            Plugin = "vscode-wakatime/24.0",
            OperatingSystem = "linux",
            Machine = "devbox",
            IsWrite = false,
            Lines = 1200,
            LineNumber = 42,
            CursorPosition = 7,
            LineAdditions = 3,
            LineDeletions = 2,
            AiLineChanges = -5,
            HumanLineChanges = 9,
            AiInputTokens = 10_000_000_000,
            AiOutputTokens = 77,
            AiSession = "session",
            Dependencies = ["Orleans", "Npgsql", "Orleans"],
            Extension = ".cs",
        });

    [Fact]
    public void The_sample_sets_every_property_so_a_new_field_cannot_be_missed()
    {
        foreach (var (owner, value) in new (Type Owner, object Value)[] { (typeof(ActivityEvent), Full), (typeof(EventDetails), Full.Details!) })
        {
            foreach (var property in owner.GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
            {
                var actual = property.GetValue(value);
                var fallback = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                    ? Activator.CreateInstance(property.PropertyType) : null;
                Assert.False(Equals(actual, fallback), $"{owner.Name}.{property.Name} is not set in the sample.");
            }
        }
    }

    [Fact]
    public void Events_survive_a_round_trip_with_every_field_and_without_any()
    {
        var bare = new ActivityEvent(ActivityKind.Heartbeat, "a", At.ToUniversalTime());
        var noDetails = new ActivityEvent((ActivityKind)300, "b", At.AddYears(-3), Project: "p");
        var events = new[] { new SequencedEvent(5, Full), new SequencedEvent(6, bare), new SequencedEvent(7, noDetails), new SequencedEvent(1, Full with { Timestamp = At.ToUniversalTime(), Details = Full.Details! with { Dependencies = [] } }) };

        var decoded = SequencedEventsCodec.Decode(SequencedEventsCodec.Encode(events));

        Assert.Equal(events.Length, decoded.Length);
        for (var i = 0; i < events.Length; i++)
        {
            Assert.Equal(events[i].Sequence, decoded[i].Sequence);
            AssertSameEvent(events[i].Event, decoded[i].Event);
        }
    }

    [Fact]
    public void Equal_strings_decode_to_one_instance()
    {
        var events = Enumerable.Range(1, 3)
            .Select(i => new SequencedEvent(i, new ActivityEvent(ActivityKind.Modified, new string("same.cs".AsSpan()), At, new string("p".AsSpan()))))
            .ToList();

        var decoded = SequencedEventsCodec.Decode(SequencedEventsCodec.Encode(events));

        Assert.Same(decoded[0].Event.Entity, decoded[2].Event.Entity);
        Assert.Same(decoded[0].Event.Project, decoded[1].Event.Project);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 2, 0 })]
    [InlineData(new byte[] { 1, 1, 2, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 1, 2, 0, 0, 0, 5 })]
    [InlineData(new byte[] { 1, 200, 1 })]
    [InlineData(new byte[] { 1, 0, 9 })]
    [InlineData(new byte[] { 1, 1, 2, 0, 0, 0xFF, 0xFF, 0x7F, 0 })]
    [InlineData(new byte[] { 1, 1, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0x81, 0x20, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0x7F })]
    public void Malformed_data_is_a_format_error(byte[] data) =>
        Assert.Throws<FormatException>(() => SequencedEventsCodec.Decode(data));

    [Fact]
    public void A_truncated_encoding_is_a_format_error_at_every_length()
    {
        var data = SequencedEventsCodec.Encode([new SequencedEvent(1, Full), new SequencedEvent(2, Full)]);
        for (var length = 0; length < data.Length; length++)
        {
            Assert.Throws<FormatException>(() => SequencedEventsCodec.Decode(data.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Orleans_serializes_a_batch_through_the_surrogate()
    {
        using var services = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(ActivityBatch).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var batch = new ActivityBatch(Guid.NewGuid(), [new SequencedEvent(41, Full), new SequencedEvent(42, Full with { Entity = "x" })]);

        var copy = serializer.Deserialize<ActivityBatch>(serializer.SerializeToArray(batch))!;

        Assert.Equal(batch.UserId, copy.UserId);
        Assert.Equal([41L, 42L], copy.Events.Select(e => e.Sequence));
        AssertSameEvent(batch.Events[1].Event, copy.Events[1].Event);
    }

    private static void AssertSameEvent(ActivityEvent expected, ActivityEvent actual)
    {
        Assert.Equal(expected with { Details = null, Timestamp = default }, actual with { Details = null, Timestamp = default });
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.Timestamp.Offset, actual.Timestamp.Offset);
        Assert.Equal(expected.Details is null, actual.Details is null);
        if (expected.Details is { } details)
        {
            Assert.Equal(details with { Dependencies = null }, actual.Details! with { Dependencies = null });
            Assert.Equal(details.Dependencies, actual.Details!.Dependencies);
        }
    }
}
