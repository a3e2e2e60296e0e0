using Floyo.DashboardBench;

// dotnet run -c Release --project tools/Floyo.DashboardBench -- [--events 1000000] [--days 365] [--repeats 15] [--seed 42]
await new Bench(BenchOptions.Parse(args), Console.Out).RunAsync();
