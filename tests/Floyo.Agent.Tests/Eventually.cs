namespace Floyo.Agent.Tests;

/// <summary>
/// Waits for an external, asynchronous effect (file system notifications, a watcher's loop, a server's state) by
/// polling a condition until a deadline; fails with a message saying what never happened. It never retries a test.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0} s waiting for: {what}. Last value: {Describe(value)}");
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), done => done, what, timeout);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable items and not string => string.Join(", ", items.Cast<object>()),
        _ => value.ToString() ?? "",
    };
}
