using System.Diagnostics;
using System.Globalization;
using Floyo.Insights.Learning;
using Floyo.RankingBench;
using Floyo.SampleData;

// dotnet run -c Release --project tools/Floyo.RankingBench -- [--users N] [--training-users T] [--days D] [--events-per-day E] [--impressions I] [--seed S] [--model shipped|trees-all|linear]
var arguments = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
if (arguments.ContainsKey("help"))
{
    Console.WriteLine("usage: Floyo.RankingBench [--users 400] [--training-users 300] [--days 14] [--events-per-day 300] [--impressions 3] [--seed 1] [--model shipped|trees-all|linear]");
    Console.WriteLine("  --model shipped: held-out figures of the model the grain would ship (trees on 75 % of the training users); trees-all: the same trees on every");
    Console.WriteLine("  training user; linear: SDCA logistic regression with type x feature crosses on every training user (the alternative).");
    return 0;
}

int Arg(string name, int fallback) => arguments.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var users = Arg("users", 400);
var options = new RankingEvaluationOptions(
    new SampleDataOptions { Users = users, Days = Arg("days", 14), EventsPerDay = Arg("events-per-day", 300), Seed = Arg("seed", 1) },
    Arg("training-users", users * 3 / 4),
    Arg("impressions", 3),
    new RankingOptions());

var clock = Stopwatch.StartNew();
var model = arguments.GetValueOrDefault("model", "shipped");
Func<IReadOnlyList<RankingExample>, Func<string, IReadOnlyDictionary<string, double>, double>>? alternative = model switch
{
    "shipped" => null,
    "trees-all" => examples => RankingModel.Train(examples).Score,
    "linear" => LinearBaseline.Train,
    _ => throw new ArgumentException($"Unknown --model {model}."),
};
var result = RankingEvaluator.Evaluate(options, alternative);
Console.WriteLine($"users {options.Data.Users}, days {options.Data.Days}, events/day {options.Data.EventsPerDay}, impressions {options.Impressions}, seed {options.Data.Seed}, model {model}; {clock.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine(result);
return 0;
