using System.Globalization;
using Floyo.ParseBench;

// Usage: Floyo.ParseBench [--iterations N] [--rounds R] [--warmup-seconds S] [--events E]
var options = args.Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => int.Parse(pair[1], CultureInfo.InvariantCulture));
var iterations = options.GetValueOrDefault("iterations", 2000);
var rounds = options.GetValueOrDefault("rounds", 7);
var warmUp = TimeSpan.FromSeconds(options.GetValueOrDefault("warmup-seconds", 3));
var events = options.GetValueOrDefault("events", 100);

Console.WriteLine($"EventBatchReader.Read: {events}-event batches, {iterations} reads per round, {rounds} rounds, .NET {Environment.Version}, {Environment.ProcessorCount} cores");
foreach (var (name, body) in new[] { ("file events", BenchBodies.FileEvents(events, 1)), ("heartbeats+details", BenchBodies.Heartbeats(events, 2)) })
{
    ParseTimer.WarmUp(body, warmUp);
    var results = Enumerable.Range(0, rounds).Select(_ => ParseTimer.Round(body, iterations)).ToList();
    var times = results.Select(r => r.MicrosecondsPerEvent).Order().ToList();
    var bytes = results.Select(r => r.BytesPerEvent).Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-20} {body.Length / events,4} B/event body | median {times[rounds / 2]:F3} µs/event (min {times[0]:F3}, max {times[^1]:F3}) | {bytes[rounds / 2]:F0} B allocated/event"));
}
