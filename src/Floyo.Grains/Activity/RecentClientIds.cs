namespace Floyo.Activity;

/// <summary>
/// A bounded memory of the most recent client event ids and the sequence numbers they were stored under, so a
/// retried batch is recognised. Oldest ids are forgotten first once <see cref="Capacity"/> is reached.
/// </summary>
internal sealed class RecentClientIds
{
    /// <summary>How many identified events are remembered per user.</summary>
    public const int Capacity = 4096;

    private readonly Dictionary<string, long> sequenceById = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public bool TryGet(string clientId, out long sequence) => sequenceById.TryGetValue(clientId, out sequence);

    public void Add(string clientId, long sequence)
    {
        if (!sequenceById.TryAdd(clientId, sequence))
        {
            return;
        }

        order.Enqueue(clientId);
        if (order.Count > Capacity)
        {
            sequenceById.Remove(order.Dequeue());
        }
    }
}
