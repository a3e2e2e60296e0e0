using System.Security.Cryptography;
using System.Text;
using Floyo.Activity;

namespace Floyo.StorageBench;

/// <summary>
/// A deterministic, realistic event stream: per user, working sessions on one project and branch at a time with a
/// small working set of files; ~48% editor heartbeats (WakaTime-style details and <c>wt:</c> ids), ~47% file events
/// from the agent (UUID ids, no details), ~5% builds, test runs and debug sessions. 2% arrive late (offline queue), so
/// sequence order is not quite time order. Appended in batches (1 to 50 events) in arrival order across users.
/// </summary>
internal sealed class Workload
{
    private const double LateShare = 0.02;

    private Workload(IReadOnlyList<UserLog> users) => Users = users;

    public IReadOnlyList<UserLog> Users { get; }

    public IEnumerable<Batch> BatchesInArrivalOrder => Users.SelectMany(u => u.Batches).OrderBy(b => b.Arrival).ThenBy(b => b.UserId);

    public static Workload Create(BenchOptions options, DateTimeOffset end)
    {
        var random = new Random(options.Seed);
        var start = end.AddDays(-options.Days);
        var users = Enumerable.Range(0, options.Users).Select(i =>
        {
            var profile = UserProfile.Create(random);
            var count = options.Events / options.Users + (i < options.Events % options.Users ? 1 : 0);
            return UserLog.Create(profile, Generate(profile, random, count, start, end), random);
        }).ToList();
        return new Workload(users);
    }

    private static List<(DateTimeOffset Arrival, ActivityEvent Event)> Generate(UserProfile user, Random random, int count, DateTimeOffset start, DateTimeOffset end)
    {
        var events = new List<(DateTimeOffset, ActivityEvent)>(count);
        var span = (end - start).TotalSeconds;
        while (events.Count < count)
        {
            // A session: some hours of one day, one project, branch, editor and machine.
            var day = start.AddDays(Math.Floor(random.NextDouble() * (span / 86_400)));
            var at = day.AddHours(7 + random.NextDouble() * 12);
            var sessionEnd = at.AddMinutes(random.Next(20, 180));
            var project = user.Projects[Math.Min(random.Next(user.Projects.Count + 2), user.Projects.Count - 1)];
            var branch = project.Branches[random.Next(project.Branches.Count)];
            var editor = user.Editors[random.Next(user.Editors.Count)];
            var machine = user.Machines[random.Next(user.Machines.Count)];
            var workingSet = Enumerable.Range(0, random.Next(4, 16)).Select(_ => project.Files[random.Next(project.Files.Count)]).ToList();
            var file = workingSet[0];
            while (at < sessionEnd && at < end && events.Count < count)
            {
                if (random.NextDouble() < 0.3)
                {
                    file = workingSet[random.Next(workingSet.Count)];
                }

                var e = NextEvent(user, random, project, file, branch, editor, machine, at);
                var arrival = random.NextDouble() < LateShare ? at.AddMinutes(random.Next(60, 48 * 60)) : at;
                events.Add((arrival, e));
                at = at.AddSeconds(random.Next(5, 150)).AddMilliseconds(random.Next(1000));
            }
        }

        return events;
    }

    private static ActivityEvent NextEvent(
        UserProfile user, Random random, ProjectProfile project, FileProfile file, string branch, string editor, string machine, DateTimeOffset at)
    {
        var roll = random.NextDouble();
        if (roll < 0.48)
        {
            var isWrite = random.NextDouble() < 0.15;
            var details = new EventDetails
            {
                Category = random.NextDouble() switch { < 0.85 => "coding", < 0.93 => "debugging", < 0.97 => "building", _ => "writing tests" },
                Plugin = $"{editor.Replace(' ', '-').ToLowerInvariant()}/1.95.3 {editor.Replace(' ', '-').ToLowerInvariant()}-wakatime/24.6.0",
                OperatingSystem = user.OperatingSystem,
                Machine = machine,
                IsWrite = isWrite,
                Lines = file.Lines,
                LineNumber = random.Next(1, file.Lines + 1),
                CursorPosition = random.Next(1, 120),
                LineAdditions = isWrite ? random.Next(0, 30) : null,
                LineDeletions = isWrite ? random.Next(0, 10) : null,
            };
            var id = WakaTimeId(at, file.Path, isWrite, details.CursorPosition!.Value, project.Name, branch);
            return new ActivityEvent(ActivityKind.Heartbeat, file.Path, at, project.Name, file.Language, editor, branch, ClientEventId: id, Details: details);
        }

        if (roll < 0.95)
        {
            var kind = random.NextDouble() switch
            {
                < 0.60 => ActivityKind.Modified, < 0.80 => ActivityKind.Opened, < 0.88 => ActivityKind.Created, < 0.93 => ActivityKind.Deleted, _ => ActivityKind.Renamed,
            };
            var previous = kind == ActivityKind.Renamed ? project.Files[random.Next(project.Files.Count)].Path : null;
            return new ActivityEvent(kind, file.Path, at, project.Name, file.Language, null, branch, previous, new Guid(random.NextBytes(16)).ToString());
        }

        var (tool, category) = random.Next(3) switch
        {
            0 => (ActivityKind.Build, "building"),
            1 => (ActivityKind.TestRun, "running tests"),
            _ => (ActivityKind.DebugSession, "debugging"),
        };
        return new ActivityEvent(tool, project.Solution, at, project.Name, null, editor, branch, ClientEventId: new Guid(random.NextBytes(16)).ToString(),
            Details: new EventDetails { Type = EntityType.App, Category = category, Machine = machine, OperatingSystem = user.OperatingSystem });
    }

    /// <summary>Shaped as Floyo.Web's WakaTime heartbeat ids: <c>wt:</c> + base64 of 18 bytes of a SHA-256.</summary>
    private static string WakaTimeId(DateTimeOffset at, string entity, bool isWrite, int cursor, string project, string branch) =>
        "wt:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{at.ToUnixTimeMilliseconds()}\u001f{cursor}\u001ffile\u001f{project}\u001f{branch}\u001f{entity}\u001f{isWrite}")), 0, 18);
}

/// <summary>One user's events in sequence (arrival) order, cut into the batches the clients would send.</summary>
internal sealed record UserLog(UserProfile Profile, IReadOnlyList<SequencedEvent> Events, IReadOnlyList<Batch> Batches)
{
    public Guid UserId => Profile.UserId;

    public static UserLog Create(UserProfile profile, List<(DateTimeOffset Arrival, ActivityEvent Event)> events, Random random)
    {
        events.Sort((a, b) => a.Arrival.CompareTo(b.Arrival));
        var sequenced = events.Select((e, i) => new SequencedEvent(i + 1, e.Event)).ToList();
        var batches = new List<Batch>();
        for (var i = 0; i < sequenced.Count;)
        {
            var size = Math.Min(sequenced.Count - i, random.NextDouble() switch { < 0.4 => 1, < 0.8 => random.Next(2, 11), _ => random.Next(11, 51) });
            batches.Add(new Batch(profile.UserId, events[i + size - 1].Arrival, sequenced.GetRange(i, size)));
            i += size;
        }

        return new UserLog(profile, sequenced, batches);
    }
}

/// <summary>What one client request appends: consecutive events of one user.</summary>
internal sealed record Batch(Guid UserId, DateTimeOffset Arrival, IReadOnlyList<SequencedEvent> Events);
