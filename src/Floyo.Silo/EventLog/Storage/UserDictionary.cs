namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// The cached part of one user's string dictionary (table <c>floyo_event_log_strings</c>): ids 1..<see cref="Count"/>,
/// dense, in the order they were assigned. Thread-safe. Only committed strings are added, so the cache is always a
/// prefix of the table; a reader or writer that meets a greater id loads the rest (see <see cref="EventLogCatalog"/>).
/// </summary>
internal sealed class UserDictionary(int userKey)
{
    private readonly List<string> values = [];
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<int, EventContext> contexts = [];
    private readonly Lock gate = new();

    public int UserKey { get; } = userKey;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return values.Count;
            }
        }
    }

    public bool TryGetId(string value, out int id)
    {
        lock (gate)
        {
            return ids.TryGetValue(value, out id);
        }
    }

    public string Value(int id)
    {
        lock (gate)
        {
            return id >= 1 && id <= values.Count
                ? values[id - 1]
                : throw new InvalidOperationException($"String {id} of user key {UserKey} is not loaded (have {values.Count}).");
        }
    }

    /// <summary>A context string, parsed once.</summary>
    public EventContext Context(int id)
    {
        lock (gate)
        {
            if (contexts.TryGetValue(id, out var cached))
            {
                return cached;
            }
        }

        var context = EventContext.Parse(Value(id), this);
        lock (gate)
        {
            contexts[id] = context;
        }

        return context;
    }

    /// <summary>Adds committed strings that continue the cache; ids already present are skipped.</summary>
    public void AddCommitted(IEnumerable<(int Id, string Value)> strings)
    {
        lock (gate)
        {
            foreach (var (id, value) in strings)
            {
                if (id <= values.Count)
                {
                    continue;
                }

                if (id != values.Count + 1)
                {
                    throw new InvalidOperationException($"String {id} of user key {UserKey} does not continue the dictionary at {values.Count}.");
                }

                values.Add(value);

                // A value stored twice (harmless) keeps its first id.
                ids.TryAdd(value, id);
            }
        }
    }

    /// <summary>Forgets everything (the table holds fewer strings than the cache: it was restored or rewritten).</summary>
    public void Clear()
    {
        lock (gate)
        {
            values.Clear();
            ids.Clear();
            contexts.Clear();
        }
    }
}
