namespace Floyo.Activity;

/// <summary>
/// The event log could not store or read events (e.g. the database is down). Nothing of the failed batch was stored;
/// the API answers 503 with <c>Retry-After</c> and clients retry the batch.
/// </summary>
[GenerateSerializer, Alias("floyo.EventLogUnavailableException")]
public sealed class EventLogUnavailableException : Exception
{
    public EventLogUnavailableException()
    {
    }

    public EventLogUnavailableException(string message)
        : base(message)
    {
    }

    public EventLogUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
