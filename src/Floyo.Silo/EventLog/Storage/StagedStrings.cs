using Floyo.Activity;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// One user's string ids during one append transaction: the cached ids, then new ones numbered after the table's
/// last id (read under the user's row lock, so no other writer can take them). The new strings reach the cache only
/// once the transaction has committed.
/// </summary>
internal sealed class StagedStrings(UserDictionary dictionary, int lastId) : IStringIds
{
    private readonly Dictionary<string, int> added = new(StringComparer.Ordinal);
    private readonly List<(int Id, string Value)> order = [];
    private EventContext.Key lastContextKey;
    private string? lastContext;

    public UserDictionary Dictionary { get; } = dictionary;

    public int LastId { get; private set; } = lastId;

    public IReadOnlyList<(int Id, string Value)> Added => order;

    public int IdOf(string value)
    {
        if (Dictionary.TryGetId(value, out var id) || added.TryGetValue(value, out id))
        {
            return id;
        }

        id = ++LastId;
        added[value] = id;
        order.Add((id, value));
        return id;
    }

    public string? ContextOf(ActivityEvent e)
    {
        var key = EventContext.Key.Of(e);
        if (lastContext is null || key != lastContextKey)
        {
            (lastContextKey, lastContext) = (key, EventContext.Format(e, this));
        }

        return lastContext;
    }
}
