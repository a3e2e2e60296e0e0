namespace Floyo.LoadGen;

/// <summary>One generated file event, sent to the API as JSON.</summary>
public sealed record SyntheticEvent(string Entity, DateTimeOffset Timestamp, string Id)
{
    public const string Kind = "modified";

    public const string Project = "p1";
    public const string Language = "C#";
    public const string Editor = "vscode";
    public const string Branch = "main";
}

/// <summary>Makes a user's events: files <c>src/f0.cs</c>…<c>src/f999.cs</c>, unique ids, timestamp now.</summary>
public sealed class SyntheticEvents(string runTag, int userIndex)
{
    private const int Files = 1000;
    private readonly Random random = new(userIndex);
    private long counter;

    public SyntheticEvent[] NextBatch(int count)
    {
        var now = DateTimeOffset.UtcNow;
        var batch = new SyntheticEvent[count];
        lock (random)
        {
            for (var i = 0; i < count; i++)
            {
                batch[i] = new SyntheticEvent($"src/f{random.Next(Files)}.cs", now, $"{runTag}-{userIndex}-{++counter}");
            }
        }

        return batch;
    }
}
