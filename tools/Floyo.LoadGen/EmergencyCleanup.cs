namespace Floyo.LoadGen;

/// <summary>
/// Last-resort cleanup of what this process started (child processes, the PostgreSQL server) when the normal
/// <c>await using</c> path cannot run: process exit after an unhandled exception, or a second Ctrl+C. Each owner
/// registers a synchronous action and disposes the registration once it has cleaned up normally.
/// </summary>
public static class EmergencyCleanup
{
    private static readonly Lock Gate = new();
    private static readonly List<Action> Actions = [];

    static EmergencyCleanup() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAll();

    public static IDisposable Register(Action action)
    {
        lock (Gate)
        {
            Actions.Add(action);
        }

        return new Registration(action);
    }

    /// <summary>Runs every registered action once, newest first, ignoring failures.</summary>
    public static void RunAll()
    {
        Action[] pending;
        lock (Gate)
        {
            pending = [.. Actions];
            Actions.Clear();
        }

        foreach (var action in pending.Reverse())
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"cleanup: {ex.Message}");
            }
        }
    }

    private sealed class Registration(Action action) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                Actions.Remove(action);
            }
        }
    }
}
