using System.Diagnostics;
using System.Globalization;

namespace Floyo.LoadGen;

/// <summary>
/// Where the CPU went during a phase: the whole machine (from /proc/stat; the machine is shared, so this shows noise
/// too), this tool, and the self-hosted web. Cores are the machine's cores busy on average.
/// </summary>
public sealed record CpuUsage(double MachineCores, double LoadGenCores, double? WebCores, double? PostgresCores, string LoadAverage)
{
    public static Sample Start(Func<TimeSpan?> webCpu, Func<TimeSpan?> postgresCpu) => new(webCpu, postgresCpu);

    /// <summary>Cores busy on other work: this shared machine's other tenants, plus what exited Postgres backends used.</summary>
    public double OtherCores => MachineCores - LoadGenCores - (WebCores ?? 0) - (PostgresCores ?? 0);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"machine {MachineCores:0.00} of {Environment.ProcessorCount} cores busy: this tool {LoadGenCores:0.00}, web {Format(WebCores)}, postgres {Format(PostgresCores)}, other {OtherCores:0.00}; load average {LoadAverage}");

    private static string Format(double? cores) => cores is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    /// <summary>Counters at the start of a phase; <see cref="Stop"/> turns them into averages.</summary>
    public sealed class Sample(Func<TimeSpan?> webCpu, Func<TimeSpan?> postgresCpu)
    {
        private readonly long started = Stopwatch.GetTimestamp();
        private readonly (long Busy, long Total)? machine = ReadMachine();
        private readonly TimeSpan self = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly TimeSpan? web = webCpu();
        private readonly TimeSpan? postgres = postgresCpu();

        public CpuUsage Stop()
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var machineNow = ReadMachine();
            var machineCores = machine is { } a && machineNow is { } b && b.Total > a.Total
                ? (double)(b.Busy - a.Busy) / (b.Total - a.Total) * Environment.ProcessorCount
                : double.NaN;
            var selfCores = (Process.GetCurrentProcess().TotalProcessorTime - self).TotalSeconds / seconds;
            var webCores = web is { } w0 && webCpu() is { } w1 ? (w1 - w0).TotalSeconds / seconds : (double?)null;
            var postgresCores = postgres is { } p0 && postgresCpu() is { } p1 ? (p1 - p0).TotalSeconds / seconds : (double?)null;
            return new CpuUsage(machineCores, selfCores, webCores, postgresCores, ReadLoadAverage());
        }
    }

    /// <summary>Busy and total jiffies of all CPUs (first line of /proc/stat); null off Linux.</summary>
    private static (long Busy, long Total)? ReadMachine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }

    private static string ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
