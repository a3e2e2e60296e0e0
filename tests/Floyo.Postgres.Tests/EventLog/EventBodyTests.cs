using Floyo.Activity;
using Floyo.Activity.Codecs;
using Floyo.Silo.EventLog.Storage;

namespace Floyo.Postgres.Tests.EventLog;

public sealed class EventBodyTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> ClientIds() =>
    [
        "0b8e2f4c-1a2b-4c3d-8e9f-0123456789ab",
        "0B8E2F4C-1A2B-4C3D-8E9F-0123456789AB",
        "wt:q83vEjRWeJCrze8SNFZ4kKvN",
        "wt:q83vEjRWeJCrze8SNFZ4kKv=",
        "wt:short",
        "client-event-42",
        "ünïcødé-🙂",
        "{0b8e2f4c-1a2b-4c3d-8e9f-0123456789ab}",
    ];

    [Theory]
    [MemberData(nameof(ClientIds))]
    public void Decode_WhenAClientIdWasEncoded_ReturnsItExactly(string clientId)
    {
        var stored = new SequencedEvent(7, new ActivityEvent(ActivityKind.Modified, "src/a.cs", At, ClientEventId: clientId));

        Assert.Equal(stored, RoundTrip(stored, new Strings()));
    }

    [Fact]
    public void Decode_WhenEveryFieldIsSet_ReturnsTheSameEvent()
    {
        var details = new EventDetails
        {
            Type = EntityType.Url, Category = "debugging", Plugin = "vscode-wakatime/24.0.0", OperatingSystem = "linux", Machine = "m1",
            IsWrite = false, Lines = 120_000, LineNumber = 0, CursorPosition = int.MaxValue, LineAdditions = 2, LineDeletions = 1,
            AiLineChanges = -3, HumanLineChanges = int.MinValue, AiInputTokens = long.MaxValue, AiOutputTokens = long.MinValue,
            AiSession = "s1", Dependencies = ["fmt", "net/http", "fmt"], Extension = ".cs",
        };
        var stored = new SequencedEvent(int.MaxValue, new ActivityEvent(
            ActivityKind.Renamed, "src/ünï.cs", At, "floyo", "C#", "vim", "main", "src/old.cs", "id-1", details));

        var read = RoundTrip(stored, new Strings());

        Assert.Equal(["fmt", "net/http", "fmt"], read.Event.Details!.Dependencies!);
        Assert.Equal(stored with { Event = stored.Event with { Details = details with { Dependencies = null } } },
            read with { Event = read.Event with { Details = read.Event.Details with { Dependencies = null } } });
    }

    [Fact]
    public void Decode_WhenDetailsAreEmptyOrAbsentOrOnlyDescriptors_KeepsTheDifference()
    {
        var strings = new Strings();
        var bare = new SequencedEvent(1, new ActivityEvent(ActivityKind.Opened, "a", At));
        var empty = bare with { Event = bare.Event with { Details = new EventDetails() } };
        var emptyDependencies = bare with { Event = bare.Event with { Details = new EventDetails { Dependencies = [], IsWrite = true } } };
        var onlyDescriptors = bare with { Event = bare.Event with { Details = new EventDetails { Type = EntityType.App, Machine = "m" } } };

        Assert.Equal(bare, RoundTrip(bare, strings));
        Assert.Equal(empty, RoundTrip(empty, strings));
        Assert.Equal(onlyDescriptors, RoundTrip(onlyDescriptors, strings));
        var read = RoundTrip(emptyDependencies, strings).Event.Details!;
        Assert.Empty(read.Dependencies!);
        Assert.True(read.IsWrite);
    }

    [Fact]
    public void Encode_WhenStringsRepeat_StoresEachOnceAndEventsAsFewBytes()
    {
        var strings = new Strings();
        var agent = new ActivityEvent(ActivityKind.Modified, "src/Floyo.Silo/EventLog/PostgresEventLog.cs", At, "floyo", "C#", "vscode", "main",
            ClientEventId: "0b8e2f4c-1a2b-4c3d-8e9f-0123456789ab");
        var heartbeat = agent with
        {
            Kind = ActivityKind.Heartbeat, ClientEventId = "wt:q83vEjRWeJCrze8SNFZ4kKvN",
            Details = new EventDetails { Category = "coding", Plugin = "vscode-wakatime/24.6.0", OperatingSystem = "linux", Machine = "m1", IsWrite = true, Lines = 420, LineNumber = 97, CursorPosition = 12 },
        };

        var agentBody = EventBody.Encode(agent, strings, new VarintWriter());
        var heartbeatBody = EventBody.Encode(heartbeat, strings, new VarintWriter());

        // Agent: header 1, entity 1, context 1, id tag 1 + 16, language 1. Heartbeat: header 2, entity 1, context 1,
        // id 1 + 18, language 1, lines 2, line number 1, cursor 1. Strings: path, language, project, editor, branch,
        // category, plugin, os, machine and the two contexts, each once.
        Assert.Equal(21, agentBody.Length);
        Assert.Equal(28, heartbeatBody.Length);
        Assert.Equal(11, strings.Values.Count);
        Assert.Equal(agentBody, EventBody.Encode(agent, strings, new VarintWriter()));
        Assert.Equal(11, strings.Values.Count);
    }

    [Fact]
    public void Decode_WhenTheKindIsBeyondTheHeadersFourBits_ReturnsIt()
    {
        var strings = new Strings();
        var future = new SequencedEvent(1, new ActivityEvent((ActivityKind)15, "a", At, ClientEventId: "x"));
        var further = new SequencedEvent(2, new ActivityEvent((ActivityKind)300, "a", At, Language: "Go"));

        Assert.Equal(future, RoundTrip(future, strings));
        Assert.Equal(further, RoundTrip(further, strings));
    }

    [Fact]
    public void ReadClientEventId_ReadsOnlyTheId()
    {
        var strings = new Strings();
        var body = EventBody.Encode(new ActivityEvent(ActivityKind.Build, "floyo.sln", At, "floyo", ClientEventId: "b-1"), strings, new VarintWriter());

        Assert.Equal("b-1", EventBody.ReadClientEventId(body));
        Assert.Null(EventBody.ReadClientEventId(EventBody.Encode(new ActivityEvent(ActivityKind.Build, "floyo.sln", At), strings, new VarintWriter())));
        Assert.Equal(3, EventBody.MaxStringId(body));
    }

    [Fact]
    public void Decode_WhenTheBodyIsTruncated_ThrowsFormatException()
    {
        var strings = new Strings();
        var body = EventBody.Encode(new ActivityEvent(ActivityKind.Created, "a", At, ClientEventId: "0b8e2f4c-1a2b-4c3d-8e9f-0123456789ab"), strings, new VarintWriter());

        Assert.Throws<FormatException>(() => EventBody.Decode(1, At, body.AsSpan(0, body.Length - 1), strings.Dictionary()));
    }

    private static SequencedEvent RoundTrip(SequencedEvent stored, Strings strings)
    {
        var body = EventBody.Encode(stored.Event, strings, new VarintWriter());
        var dictionary = strings.Dictionary();
        Assert.Equal(strings.Values.Count, Math.Max(EventBody.MaxStringId(body), dictionary.Count));
        return EventBody.Decode(stored.Sequence, stored.Event.Timestamp, body, dictionary);
    }

    /// <summary>A dictionary being built, as the writer does.</summary>
    private sealed class Strings : IStringIds
    {
        public List<string> Values { get; } = [];

        public int IdOf(string value)
        {
            var index = Values.IndexOf(value);
            if (index < 0)
            {
                Values.Add(value);
                return Values.Count;
            }

            return index + 1;
        }

        public UserDictionary Dictionary()
        {
            var dictionary = new UserDictionary(1);
            dictionary.AddCommitted(Values.Select((v, i) => (i + 1, v)));
            return dictionary;
        }
    }
}
