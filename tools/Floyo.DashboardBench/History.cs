using Floyo.Activity;

namespace Floyo.DashboardBench;

/// <summary>
/// A developer's year: working days (weekends rarely) of 9:00–18:00 UTC with a lunch break, editor heartbeats every few
/// seconds on files of a few projects, saves, builds, test runs and debugging, so every dashboard card has data.
/// Deterministic for a seed; events are in time order with contiguous sequence numbers from 1.
/// </summary>
internal static class History
{
    private static readonly string[] Projects = ["atlas", "beacon", "comet", "delta", "ember", "floyo", "garnet", "harbor"];
    private static readonly (string Language, string Extension)[] Languages = [("C#", ".cs"), ("TypeScript", ".ts"), ("SQL", ".sql"), ("Markdown", ".md"), ("YAML", ".yaml")];
    private static readonly string[] Editors = ["vscode", "rider"];
    private static readonly string[] Branches = ["main", "feature/a", "feature/b"];

    public static IEnumerable<SequencedEvent> Generate(BenchOptions options, DateOnly lastDay)
    {
        var random = new Random(options.Seed);
        var workDays = Enumerable.Range(0, options.Days)
            .Select(i => lastDay.AddDays(i - options.Days + 1))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || random.NextDouble() < 0.15)
            .ToList();
        var perDay = (int)Math.Ceiling((double)options.Events / workDays.Count);
        var workSeconds = 8 * 3600;
        long sequence = 0;
        foreach (var day in workDays)
        {
            var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var project = Projects[random.Next(Projects.Length)];
            var count = (int)Math.Min(perDay, options.Events - sequence);
            for (var i = 0; i < count; i++)
            {
                var second = (double)i * workSeconds / count;
                var at = start.AddSeconds(second < 4 * 3600 ? second : second + 3600);
                if (random.NextDouble() < 0.002)
                {
                    project = Projects[random.Next(Projects.Length)];
                }

                yield return new SequencedEvent(++sequence, Event(random, project, at));
            }
        }
    }

    private static ActivityEvent Event(Random random, string project, DateTimeOffset at)
    {
        var (language, extension) = Languages[random.Next(10) switch { < 5 => 0, < 7 => 1, 7 => 2, 8 => 3, _ => 4 }];
        var roll = random.NextDouble();
        var kind = roll switch
        {
            < 0.90 => ActivityKind.Heartbeat,
            < 0.97 => ActivityKind.Modified,
            < 0.98 => ActivityKind.Build,
            < 0.99 => ActivityKind.TestRun,
            < 0.995 => ActivityKind.DebugSession,
            _ => ActivityKind.Created,
        };
        var folder = random.Next(6) switch { 0 => "tests", 1 => "docs", _ => "src" };
        var entity = $"{project}/{folder}/Area{random.Next(8)}/File{random.Next(40)}{extension}";
        var category = kind switch
        {
            ActivityKind.Build => "building",
            ActivityKind.TestRun => "running tests",
            ActivityKind.DebugSession => "debugging",
            _ => null,
        };
        return new ActivityEvent(
            kind, entity, at, project, language, Editors[random.Next(Editors.Length)], Branches[random.Next(Branches.Length)],
            Details: new EventDetails { Category = category, Machine = "bench-laptop", IsWrite = kind == ActivityKind.Modified ? true : null });
    }
}
