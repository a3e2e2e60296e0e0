using Floyo.Activity;

namespace Floyo.SampleData;

/// <summary>
/// Generates one user's days as a sequence of blocks separated by pauses of 6–20 minutes: focus blocks (one area,
/// short excursions), scattered blocks (switching area every 2–6 minutes), co-edit episodes (a planted group's files,
/// sometimes with an extra file or a missing one), workflow episodes (a planted workflow's steps, sometimes interrupted
/// or abandoned) and noise (chat, browsing, random files, decoy hot files). Counts what was planted intact.
/// </summary>
internal sealed partial class UserGenerator
{
    private readonly SampleDataOptions options;
    private readonly int index;
    private readonly Random random;
    private readonly Persona persona;
    private readonly EventWriter writer;
    private readonly List<(ProjectLayout Project, List<string> Files)> groups = [];
    private readonly List<(ProjectLayout Project, string File)> decoys = [];
    private readonly List<string[]> workflows;
    private readonly int[] groupOccurrences;
    private readonly int[] workflowOccurrences;
    private readonly List<PlantedSpan> focusSessions = [];
    private readonly List<PlantedSpan> scattered = [];
    private readonly List<PlantedDay> unusualDays = [];
    private double heartbeatSeconds;

    public UserGenerator(SampleDataOptions options, int index)
    {
        this.options = options;
        this.index = index;
        random = new Random(unchecked((options.Seed * 7_919) + index));
        persona = PersonaFactory.Make(random, index);
        writer = new EventWriter(persona, random);
        PlantGroups();
        workflows = WorkflowTemplates.For(persona, random);
        groupOccurrences = new int[groups.Count];
        workflowOccurrences = new int[workflows.Count];
    }

    public (UserTruth Truth, List<ActivityEvent> Events) Generate()
    {
        var firstDay = options.LastDay.AddDays(1 - options.Days);
        var unusual = PlanUnusualDays(firstDay);
        for (var day = firstDay; day <= options.LastDay; day = day.AddDays(1))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (weekend && !persona.WorksWeekends)
            {
                continue;
            }

            var kind = unusual.GetValueOrDefault(day);
            if (kind is not null)
            {
                unusualDays.Add(new PlantedDay(day, kind));
            }

            GenerateDay(day, kind);
        }

        var preferences = Preferences.For(persona, workflows, options.RecommendationTypes, random);
        var truth = new UserTruth(
            index,
            persona,
            [.. groups.Select((g, i) => new PlantedGroup(g.Project.Name, [.. g.Files.Order(StringComparer.Ordinal)], groupOccurrences[i]))],
            [.. decoys.Select(d => new PlantedFile(d.Project.Name, d.File))],
            [.. workflows.Select((w, i) => new PlantedWorkflow(w, workflowOccurrences[i]))],
            focusSessions,
            scattered,
            unusualDays,
            preferences,
            writer.Events.Count);
        return (truth, writer.Events);
    }

    private Dictionary<DateOnly, string> PlanUnusualDays(DateOnly firstDay)
    {
        string[] kinds = ["overload", "night", "scatter"];
        var plan = new Dictionary<DateOnly, string>();
        for (var start = 9; start < options.Days; start += 14)
        {
            var candidates = Enumerable.Range(start, Math.Min(5, options.Days - start))
                .Select(firstDay.AddDays)
                .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                .ToList();
            if (candidates.Count > 0)
            {
                plan[candidates[random.Next(candidates.Count)]] = kinds[random.Next(kinds.Length)];
            }
        }

        return plan;
    }

    private void PlantGroups()
    {
        var used = new HashSet<string>();
        for (var g = 0; g < 3; g++)
        {
            var project = persona.Projects[g % persona.Projects.Count];
            var size = random.Next(2, 5);
            var pool = project.SourceFiles.Concat(project.TestFiles).Concat(project.ConfigFiles.Take(2))
                .Where(f => !used.Contains(project.Name + f)).ToList();
            var anchor = Pick(project.SourceFiles.Where(f => !used.Contains(project.Name + f)).ToList());
            var files = new List<string> { anchor };
            var sameArea = pool.Where(f => f != anchor && SharesWord(f, anchor)).OrderBy(_ => random.Next()).ToList();
            var rest = pool.Where(f => f != anchor && !sameArea.Contains(f)).OrderBy(_ => random.Next()).ToList();
            files.AddRange(sameArea.Concat(rest).Where(f => !used.Contains(project.Name + f)).Take(size - 1));
            files.ForEach(f => used.Add(project.Name + f));
            groups.Add((project, files));
        }

        foreach (var project in persona.Projects.Take(3))
        {
            foreach (var file in project.SourceFiles.Where(f => !used.Contains(project.Name + f)).OrderBy(_ => random.Next()).Take(2))
            {
                used.Add(project.Name + file);
                decoys.Add((project, file));
            }
        }
    }

    private static bool SharesWord(string a, string b) =>
        string.Equals(Folder(a), Folder(b), StringComparison.OrdinalIgnoreCase);

    private static string Folder(string path)
    {
        var parts = path.Split('/');
        return parts.Length > 1 ? parts[^2] : "";
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private double Between(double min, double max) => min + (random.NextDouble() * (max - min));

    private TimeSpan Seconds(double min, double max) => TimeSpan.FromSeconds(Between(min, max));
}
