using System.Diagnostics;
using Floyo.Testing;

namespace Floyo.LoadGen;

/// <summary>
/// A child process whose output is kept (the last lines, for error messages) and which is always killed: on
/// dispose, and through <see cref="EmergencyCleanup"/> if this process dies first.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly KeptOutput output;
    private readonly IDisposable emergency;

    private ChildProcess(Process process, KeptOutput output)
    {
        this.process = process;
        this.output = output;
        emergency = EmergencyCleanup.Register(Kill);
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>CPU time the child has used so far (null once it has exited).</summary>
    public TimeSpan? TotalProcessorTime
    {
        get
        {
            try
            {
                process.Refresh();
                return process.HasExited ? null : process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>Lines the child logged at warning level or above (ASP.NET console format: <c>warn:</c>, <c>fail:</c>, <c>crit:</c>).</summary>
    public int WarningLines => output.WarningLines;

    /// <summary>The first few warnings, each with its message line.</summary>
    public string FirstWarnings => output.FirstWarnings;

    public string RecentOutput => output.RecentOutput;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var output = new KeptOutput();
        return new ChildProcess(ProcessLauncher.Start(fileName, arguments, environment, workingDirectory, output.Keep), output);
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"warning: child process {process.Id} did not exit within 10 s of being killed");
        }

        emergency.Dispose();
        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    /// <summary>The last lines, the first warnings (with their message lines) and the warning count of a child's output.</summary>
    private sealed class KeptOutput
    {
        private const int KeptLines = 60;
        private const int KeptWarnings = 10;
        private readonly Queue<string> lastLines = new();
        private readonly List<string> firstWarnings = [];
        private int warnings;
        private bool warningContinues;

        public int WarningLines => Volatile.Read(ref warnings);

        public string FirstWarnings
        {
            get
            {
                lock (lastLines)
                {
                    return string.Join(Environment.NewLine, firstWarnings);
                }
            }
        }

        public string RecentOutput
        {
            get
            {
                lock (lastLines)
                {
                    return string.Join(Environment.NewLine, lastLines);
                }
            }
        }

        public void Keep(string line)
        {
            var warning = line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
            if (warning)
            {
                Interlocked.Increment(ref warnings);
            }

            lock (lastLines)
            {
                if ((warning || warningContinues) && firstWarnings.Count < KeptWarnings * 2)
                {
                    firstWarnings.Add(line);
                }

                warningContinues = warning;
                lastLines.Enqueue(line);
                if (lastLines.Count > KeptLines)
                {
                    lastLines.Dequeue();
                }
            }
        }
    }
}
