namespace Floyo.Agent.Sending;

/// <summary>How the server (or the network) answered one batch.</summary>
public enum SendStatus
{
    /// <summary>202: every event has a result (accepted, duplicate or rejected).</summary>
    Delivered,

    /// <summary>401: the API key was refused. The queue is kept.</summary>
    Unauthorized,

    /// <summary>403: the account may not send events (yet). The queue is kept.</summary>
    Forbidden,

    /// <summary>400: the server refused the batch as a whole; resending it cannot succeed.</summary>
    BadBatch,

    /// <summary>413: the batch is too large.</summary>
    TooLarge,

    /// <summary>No answer, 408, 429, 5xx or anything unexpected after the retries: try again later.</summary>
    Unavailable,
}
