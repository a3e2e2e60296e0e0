using System.Globalization;

namespace Floyo.LoadGen;

/// <summary>
/// CPU time of a PostgreSQL server this tool started (found by its <c>-c port=N</c> argument): the postmaster and its
/// live backends, from /proc. Backends that exited take their time with them, so this is a lower bound.
/// </summary>
public static class PostgresCpu
{
    public static TimeSpan? Total(int port)
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        var processes = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var pid) ? ReadStat(pid) : null)
            .OfType<ProcStat>()
            .ToList();
        var postmaster = processes.FirstOrDefault(p => p.Name == "postgres" && CommandLine(p.Pid).Contains($"port={port}\0", StringComparison.Ordinal));
        if (postmaster is null)
        {
            return null;
        }

        var ticks = processes.Where(p => p.Pid == postmaster.Pid || p.ParentPid == postmaster.Pid).Sum(p => p.CpuTicks);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline") + "\0";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Fields of /proc/PID/stat: 2 comm, 4 ppid, 14 utime, 15 stime (in clock ticks, 100 per second on Linux).</summary>
    private static ProcStat? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var rest = stat[(close + 2)..].Split(' ');
            return new ProcStat(
                pid,
                stat[(open + 1)..close],
                int.Parse(rest[1], CultureInfo.InvariantCulture),
                long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private sealed record ProcStat(int Pid, string Name, int ParentPid, long CpuTicks);
}
