using System.Globalization;

namespace Floyo.LoadGen;

/// <summary>Where the load goes.</summary>
public enum TargetMode
{
    /// <summary>The tool starts Floyo.Web (and a durable PostgreSQL for <see cref="Storage.Postgres"/>) itself.</summary>
    SelfHost,

    /// <summary>A Floyo.Web that is already running, at <see cref="LoadGenOptions.Url"/> with <see cref="LoadGenOptions.Keys"/>.</summary>
    External,
}

/// <summary>Which event log a self-hosted Floyo.Web uses.</summary>
public enum Storage
{
    Postgres,
    Memory,
}

/// <summary>Command-line options; see <see cref="Usage"/>.</summary>
public sealed record LoadGenOptions
{
    public const string Usage = """
        Floyo.LoadGen: N users post batches to POST /api/v1/events while M SignalR clients listen on /hubs/live.

          --self-host              start a throwaway durable PostgreSQL and Floyo.Web (default)
          --storage postgres|memory  self-host with the Postgres event log (default) or the in-memory embedded mode
          --url URL --keys K1,K2   load an already running Floyo.Web instead (one user per key; no COPY baseline)
          --users N                simulated users (default 1); self-host seeds one API key each
          --listeners M            SignalR clients on /hubs/live, spread over the users (default 10)
          --batch B                events per request (default 100)
          --inflight K             concurrent requests per user (default 1)
          --duration S             measured seconds (default 60)
          --events E               stop after E events (whichever of --duration/--events comes first)
          --rate R                 open loop: offer R events/s in total (default: closed loop, as fast as answered)
          --warmup S               unmeasured seconds first (default 5)
          --drain S                seconds to wait for the last pushes (default 10)
          --no-baseline            skip the raw COPY baseline
          --web-env KEY=VALUE      extra environment for the self-hosted web (repeatable)
          --configuration C        which build of Floyo.Web to start (default: this tool's own)
          --repo PATH              repository root (default: found from the tool's location)
          --smoke                  a few seconds of tiny in-memory load; exit code 0 only if all went through
          --help                   this text
        """;

    public TargetMode Mode { get; init; } = TargetMode.SelfHost;

    public Storage Storage { get; init; } = Storage.Postgres;

    public Uri? Url { get; init; }

    public IReadOnlyList<string> Keys { get; init; } = [];

    public int Users { get; init; } = 1;

    public int Listeners { get; init; } = 10;

    public int BatchSize { get; init; } = 100;

    public int InFlightPerUser { get; init; } = 1;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public long? MaxEvents { get; init; }

    public double? Rate { get; init; }

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(10);

    public bool Baseline { get; init; } = true;

    public IReadOnlyDictionary<string, string> WebEnvironment { get; init; } = new Dictionary<string, string>();

    public string? Configuration { get; init; }

    public string? RepoRoot { get; init; }

    public bool Smoke { get; init; }

    /// <summary>The settings of <c>--smoke</c>: in memory, one user, two listeners, tiny batches, about three seconds.</summary>
    public static LoadGenOptions SmokeDefaults => new()
    {
        Smoke = true,
        Storage = Storage.Memory,
        Users = 1,
        Listeners = 2,
        BatchSize = 10,
        Duration = TimeSpan.FromSeconds(3),
        MaxEvents = 2_000,
        Warmup = TimeSpan.FromSeconds(1),
        Drain = TimeSpan.FromSeconds(5),
        Baseline = false,
    };

    public static LoadGenOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--smoke") ? SmokeDefaults : new LoadGenOptions();
        var environment = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--smoke" => options,
                "--self-host" => options with { Mode = TargetMode.SelfHost },
                "--storage" => options with { Storage = Enum.Parse<Storage>(Value(), ignoreCase: true) },
                "--url" => options with { Mode = TargetMode.External, Url = new Uri(Value()) },
                "--keys" => options with { Keys = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--users" => options with { Users = Positive(name, Value()) },
                "--listeners" => options with { Listeners = Count(name, Value()) },
                "--batch" => options with { BatchSize = Positive(name, Value()) },
                "--inflight" => options with { InFlightPerUser = Positive(name, Value()) },
                "--duration" => options with { Duration = Seconds(name, Value()) },
                "--events" => options with { MaxEvents = Positive(name, Value()) },
                "--rate" => options with { Rate = Number(name, Value()) },
                "--warmup" => options with { Warmup = Seconds(name, Value()) },
                "--drain" => options with { Drain = Seconds(name, Value()) },
                "--no-baseline" => options with { Baseline = false },
                "--web-env" => AddEnvironment(options, environment, Value()),
                "--configuration" => options with { Configuration = Value() },
                "--repo" => options with { RepoRoot = Value() },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return Validate(options with { WebEnvironment = environment });
    }

    private static LoadGenOptions Validate(LoadGenOptions options)
    {
        if (options.Mode == TargetMode.External)
        {
            if (options.Keys.Count == 0)
            {
                throw new ArgumentException("--url needs --keys (one API key per simulated user).");
            }

            return options with { Users = options.Keys.Count, Baseline = false };
        }

        if (options.Storage == Storage.Memory)
        {
            return options with { Baseline = false };
        }

        return options;
    }

    private static LoadGenOptions AddEnvironment(LoadGenOptions options, Dictionary<string, string> environment, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException("--web-env takes KEY=VALUE.");
        }

        environment[pair[..equals]] = pair[(equals + 1)..];
        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer.");

    private static int Count(string name, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"{name} must be zero or more.");

    private static TimeSpan Seconds(string name, string value) => TimeSpan.FromSeconds(Number(name, value));

    private static double Number(string name, string value) =>
        double.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"{name} must be a number ≥ 0.");
}
