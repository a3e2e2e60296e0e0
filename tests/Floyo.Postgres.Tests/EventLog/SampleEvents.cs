using Floyo.Activity;

namespace Floyo.Postgres.Tests.EventLog;

/// <summary>Varied events: every kind of client id, details or none, renames, dependencies, non-ASCII text.</summary>
internal static class SampleEvents
{
    public static List<SequencedEvent> For(Guid userId, long from, int count, DateTimeOffset start, TimeSpan step) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var sequence = from + i;
            var kind = (ActivityKind)(sequence % 9 + 1);
            return new SequencedEvent(sequence, new ActivityEvent(
                kind,
                $"src/{(sequence % 4 == 0 ? "ünï" : "module")}/file{sequence % 7}.cs",
                start + step * i,
                Project: sequence % 3 == 0 ? null : $"project-{sequence % 2}",
                Language: sequence % 5 == 0 ? null : "C#",
                Editor: sequence % 2 == 0 ? "vim" : null,
                Branch: sequence % 4 == 1 ? null : "main",
                PreviousEntity: kind == ActivityKind.Renamed ? $"src/old{sequence}.cs" : null,
                ClientEventId: (sequence % 4) switch
                {
                    0 => null,
                    1 => Guid.NewGuid().ToString(),
                    2 => $"wt:{Convert.ToBase64String(userId.ToByteArray().Concat(BitConverter.GetBytes((short)sequence)).ToArray())}",
                    _ => $"{userId:N}-{sequence}",
                },
                Details: (sequence % 3) switch
                {
                    0 => null,
                    1 => new EventDetails { Category = "coding", Plugin = "vscode-wakatime/24.0.0", OperatingSystem = "linux", Machine = "m1", IsWrite = sequence % 2 == 0, Lines = (int)sequence * 10, LineNumber = 7, CursorPosition = 3 },
                    _ => new EventDetails
                    {
                        Type = EntityType.App, Category = "debugging", LineAdditions = 2, LineDeletions = 1, AiLineChanges = -3, HumanLineChanges = 4,
                        AiInputTokens = 100, AiOutputTokens = 50, AiSession = "s1", Dependencies = sequence % 2 == 0 ? [] : ["fmt", "net/http"], Extension = ".cs",
                    },
                }));
        })];
}
