using System.Globalization;

namespace Floyo.DashboardBench;

/// <summary>Command line: <c>--events N</c> (default 1,000,000), <c>--days D</c> (365), <c>--repeats R</c> (15), <c>--seed S</c> (42).</summary>
internal sealed record BenchOptions(int Events, int Days, int Repeats, int Seed)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(1_000_000, 365, 15, 42);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--events" => options with { Events = value },
                "--days" => options with { Days = value },
                "--repeats" => options with { Repeats = value },
                "--seed" => options with { Seed = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --events, --days, --repeats, --seed."),
            };
        }

        return options;
    }
}
