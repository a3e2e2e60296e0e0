using System.Text.Json;
using Floyo.SampleData;

namespace Floyo.SampleGen;

/// <summary>The commands: <c>keys</c>, <c>truth</c>, <c>send</c>.</summary>
internal static class SampleGenApp
{
    private static readonly JsonSerializerOptions TruthJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private const string Usage = """
        Floyo.SampleGen: sample activity with ground truth, sent through the ingest API.

          keys  --users N [--out keys.txt]
                Writes N fresh API keys (one per line) and prints the server settings that create one consenting
                user per key (Floyo__Demo__ApiKey for the first, Floyo__Demo__ExtraApiKeys__i for the rest).
          truth --users N --days D --events-per-day E [--seed S] [--truth truth.json]
                Generates and writes the ground truth only.
          send  --server URL --keys-file keys.txt [--users N] --days D --events-per-day E [--seed S]
                [--truth truth.json] [--batch 500] [--parallel 4] [--server-max-age-days 30]
                Generates N users (default: one per key) ending yesterday (UTC) and POSTs their events to
                URL/api/v1/events with user i's key, then writes the ground truth.

        Defaults: --users 10 --days 14 --events-per-day 100 --seed 1. The server rejects events older than its
        Floyo:Ingest:MaxEventAge (30 days by default): for --days above 29 start it with
        Floyo__Ingest__MaxEventAge=<days+2>.00:00:00 and pass --server-max-age-days accordingly.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var parsed = SampleGenArgs.Parse(args);
            return parsed.Command switch
            {
                "keys" => Keys(parsed),
                "truth" => Truth(parsed),
                "send" => await SendAsync(parsed),
                _ => Help(),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    private static int Help()
    {
        Console.WriteLine(Usage);
        return 0;
    }

    private static int Keys(SampleGenArgs args)
    {
        var keys = Enumerable.Range(0, args.Int("users", 10)).Select(_ => $"waka_{Guid.NewGuid()}").ToList();
        var file = args.String("out") ?? "keys.txt";
        File.WriteAllLines(file, keys);
        Console.WriteLine($"# {keys.Count} keys written to {file}; start the server with:");
        Console.WriteLine($"export Floyo__Demo__ApiKey={keys[0]}");
        for (var i = 1; i < keys.Count; i++)
        {
            Console.WriteLine($"export Floyo__Demo__ExtraApiKeys__{i - 1}={keys[i]}");
        }

        return 0;
    }

    private static int Truth(SampleGenArgs args)
    {
        var options = Options(args, args.Int("users", 10));
        var (truth, users) = SampleGenerator.Generate(options);
        WriteTruth(args, truth);
        Console.WriteLine($"{users.Count} users, {users.Sum(u => u.Events.Count):N0} events");
        return 0;
    }

    private static async Task<int> SendAsync(SampleGenArgs args)
    {
        var server = new Uri(args.String("server") ?? throw new ArgumentException("--server is required."));
        var keys = File.ReadAllLines(args.String("keys-file") ?? throw new ArgumentException("--keys-file is required."))
            .Where(k => k.Length > 0).ToList();
        var options = Options(args, args.Int("users", keys.Count));
        if (options.Users > keys.Count)
        {
            throw new ArgumentException($"{options.Users} users need {options.Users} keys; {keys.Count} in the file.");
        }

        if (options.Days > args.Int("server-max-age-days", 30) - 1)
        {
            throw new ArgumentException($"--days {options.Days} is older than the server accepts; see 'help' (Floyo__Ingest__MaxEventAge).");
        }

        using var sender = new EventSender(server, args.Int("batch", 500));
        var truths = new UserTruth[options.Users];
        var started = DateTimeOffset.UtcNow;
        var sent = 0L;
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Users),
            new ParallelOptions { MaxDegreeOfParallelism = args.Int("parallel", 4) },
            async (user, cancellationToken) =>
            {
                var sample = SampleGenerator.GenerateUser(options, user);
                truths[user] = sample.Truth;
                Interlocked.Add(ref sent, await sender.SendAsync(keys[user], sample.Events, cancellationToken));
            });

        WriteTruth(args, new GroundTruth(options, truths));
        var seconds = (DateTimeOffset.UtcNow - started).TotalSeconds;
        Console.WriteLine($"{options.Users} users: {sent:N0} events accepted in {seconds:0.0} s ({sent / Math.Max(seconds, 0.001):N0} events/s)");
        return 0;
    }

    private static SampleDataOptions Options(SampleGenArgs args, int users) => new()
    {
        Users = users,
        Days = args.Int("days", 14),
        EventsPerDay = args.Int("events-per-day", 100),
        Seed = args.Int("seed", 1),
        LastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
    };

    private static void WriteTruth(SampleGenArgs args, GroundTruth truth)
    {
        var file = args.String("truth") ?? "truth.json";
        using var stream = File.Create(file);
        JsonSerializer.Serialize(stream, truth, TruthJson);
        Console.WriteLine($"ground truth written to {file}");
    }
}
