using System.Diagnostics;
using System.Text.Json;
using Floyo.Insights;
using Floyo.Patterns.Detectors;
using Floyo.PatternBench;
using Floyo.SampleData;

// dotnet run -c Release --project tools/Floyo.PatternBench -- [--users N] [--days D] [--events-per-day E] [--seed S]
var arguments = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
if (arguments.ContainsKey("help"))
{
    Console.WriteLine("usage: Floyo.PatternBench [--users 100] [--days 28] [--events-per-day 300] [--seed 1]");
    return 0;
}

int Arg(string name, int fallback) => arguments.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
var options = new SampleDataOptions
{
    Users = Arg("users", 100),
    Days = Arg("days", 28),
    EventsPerDay = Arg("events-per-day", 300),
    Seed = Arg("seed", 1),
};

var total = Evaluation.Zero;
long events = 0;
long maxStateBytes = 0;
var insightCosts = new List<double>();
var generate = new Stopwatch();
var detect = new Stopwatch();
for (var user = 0; user < options.Users; user++)
{
    generate.Start();
    var sample = SampleGenerator.GenerateUser(options, user);
    generate.Stop();
    detect.Start();
    var zone = TimeZoneInfo.CreateCustomTimeZone("persona", TimeSpan.FromHours(sample.Truth.Persona.UtcOffsetHours), "persona", "persona");
    var days = new LocalDays(zone);
    var run = PatternReplay.Run(Guid.Empty, sample.Events, new PatternOptions(), days);
    detect.Stop();
    events += sample.Events.Count;
    if (arguments.TryGetValue("explain", out var explain) && int.Parse(explain, System.Globalization.CultureInfo.InvariantCulture) == user)
    {
        Explain.Print(sample.Truth, run);
    }

    maxStateBytes = Math.Max(maxStateBytes, JsonSerializer.SerializeToUtf8Bytes(run.State).Length);

    // What the pattern grain does after each applied batch: build the report and generate the insights from it.
    var detectors = new PatternDetectors(run.State, new PatternOptions(), days);
    for (var i = 0; i < 5; i++)
    {
        var clock = Stopwatch.StartNew();
        InsightGenerator.Generate(detectors.Report(Guid.Empty, events, events));
        insightCosts.Add(clock.Elapsed.TotalMilliseconds);
    }

    var activeDays = sample.Events.Select(e => DateOnly.FromDayNumber(days.DayOf(e.Timestamp))).Distinct().ToList();
    total += PatternEvaluator.Evaluate(sample.Truth, run.Final.CoEditGroups, run.Final.Workflows, run.FocusSessions,
        run.UnusualDays, activeDays, sample.Events[^1].Timestamp);
}

Console.WriteLine($"users {options.Users}, days {options.Days}, events/day {options.EventsPerDay}, seed {options.Seed}: {events:N0} events");
Console.WriteLine($"generate {generate.Elapsed.TotalSeconds:0.0} s; detect {detect.Elapsed.TotalSeconds:0.0} s " +
    $"({events / Math.Max(0.001, detect.Elapsed.TotalSeconds):N0} events/s including end-of-day reports); " +
    $"largest detector state {maxStateBytes / 1024.0:0.0} KiB (JSON)");
insightCosts.Sort();
Console.WriteLine($"report + insights after a batch: median {insightCosts[insightCosts.Count / 2]:0.00} ms, p99 {insightCosts[(int)(insightCosts.Count * 0.99)]:0.00} ms over {insightCosts.Count} calls");
Console.WriteLine(total);
return 0;
