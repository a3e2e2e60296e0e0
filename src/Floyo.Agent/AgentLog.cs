using System.Globalization;

namespace Floyo.Agent;

/// <summary>Timestamped log lines on a writer (standard error for the command line). Thread-safe.</summary>
public sealed class AgentLog(TextWriter writer)
{
    private readonly TextWriter writer = TextWriter.Synchronized(writer);

    public static AgentLog None { get; } = new(TextWriter.Null);

    public void Info(string message) => Write("info", message);

    public void Warn(string message) => Write("warn", message);

    private void Write(string level, string message) =>
        writer.WriteLine($"{DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {level} {message}");
}
