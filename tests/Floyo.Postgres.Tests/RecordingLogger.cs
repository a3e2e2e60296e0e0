using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Floyo.Postgres.Tests;

/// <summary>Keeps every message logged through it, so a test can tell which path the code took.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> messages = new();

    public IReadOnlyList<string> Messages => [.. messages];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
}
