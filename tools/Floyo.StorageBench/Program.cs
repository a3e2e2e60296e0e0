using Floyo.StorageBench;

// dotnet run -c Release --project tools/Floyo.StorageBench -- [--events 1000000] [--users 50] [--days 30] [--seed 42] [--reads 15]
// dotnet run -c Release --project tools/Floyo.StorageBench -- --rollups [--events 1000000] [--days 365] [--reads 15]
if (args.FirstOrDefault() == "--rollups")
{
    var options = BenchOptions.Parse(args[1..]);
    await new RollupBench(args.Contains("--days") ? options : options with { Days = 365 }, Console.Out).RunAsync();
}
else
{
    await new Bench(BenchOptions.Parse(args), Console.Out).RunAsync();
}
