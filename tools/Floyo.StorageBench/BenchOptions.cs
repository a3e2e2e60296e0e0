using System.Globalization;

namespace Floyo.StorageBench;

/// <summary>Command line: <c>--events N --users N --days N --seed N --reads N</c>.</summary>
internal sealed record BenchOptions(int Events, int Users, int Days, int Seed, int ReadRepeats)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["--events"] = 1_000_000, ["--users"] = 50, ["--days"] = 30, ["--seed"] = 42, ["--reads"] = 15,
        };
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]))
            {
                throw new ArgumentException($"Unknown option {args[i]}; known: {string.Join(", ", values.Keys)}.");
            }

            values[args[i]] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }

        return new BenchOptions(values["--events"], values["--users"], values["--days"], values["--seed"], values["--reads"]);
    }
}
