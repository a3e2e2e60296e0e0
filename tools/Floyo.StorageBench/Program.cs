using Floyo.StorageBench;

// dotnet run -c Release --project tools/Floyo.StorageBench -- [--events 1000000] [--users 50] [--days 30] [--seed 42] [--reads 15]
await new Bench(BenchOptions.Parse(args), Console.Out).RunAsync();
