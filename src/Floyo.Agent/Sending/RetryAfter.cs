namespace Floyo.Agent.Sending;

/// <summary>Reads a response's Retry-After (seconds or a date), capped.</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage? response, DateTimeOffset now, TimeSpan max)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        return delay is null ? null : TimeSpan.FromTicks(Math.Clamp(delay.Value.Ticks, 0, max.Ticks));
    }
}
