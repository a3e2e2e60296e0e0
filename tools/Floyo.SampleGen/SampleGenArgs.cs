using System.Globalization;

namespace Floyo.SampleGen;

/// <summary>The command line: a command followed by <c>--name value</c> options.</summary>
internal sealed class SampleGenArgs(string command, Dictionary<string, string> options)
{
    public string Command => command;

    public static SampleGenArgs Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{name}'.");
            }

            options[name[2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return new SampleGenArgs(args.Length > 0 ? args[0] : "help", options);
    }

    public string? String(string name) => options.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
