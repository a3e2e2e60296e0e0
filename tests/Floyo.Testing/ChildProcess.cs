using System.Diagnostics;

namespace Floyo.Testing;

/// <summary>
/// A process started by a test, with the tail of its standard output and error kept for failure messages. Disposing
/// kills it (and its children) if it still runs.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int TailCapacity = 400;
    private readonly Process process;
    private readonly Queue<string> tail;

    private ChildProcess(string name, Process process, Queue<string> tail)
    {
        Name = name;
        this.process = process;
        this.tail = tail;
    }

    public string Name { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Starts <paramref name="fileName"/> with only the given variables added to (or replacing) this process's environment.</summary>
    public static ChildProcess Start(
        string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var tail = new Queue<string>();
        var process = ProcessLauncher.Start(fileName, arguments, environment, workingDirectory, line => Append(tail, line));
        return new ChildProcess(name, process, tail);
    }

    /// <summary>The last lines the process wrote, headed by its name and state.</summary>
    public string Tail(int lines = 80)
    {
        string[] snapshot;
        lock (tail)
        {
            snapshot = [.. tail.TakeLast(lines)];
        }

        var state = process.HasExited ? $"exited with {process.ExitCode}" : "running";
        return $"--- {Name} (pid {process.Id}, {state}), last {snapshot.Length} lines ---{Environment.NewLine}{string.Join(Environment.NewLine, snapshot)}";
    }

    /// <summary>Kills the process and its children at once, as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        process.Dispose();
    }

    private static void Append(Queue<string> tail, string line)
    {
        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > TailCapacity)
            {
                tail.Dequeue();
            }
        }
    }
}
