using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// What the event log caches about users: the int key of each user id (table <c>floyo_event_log_users</c>; a key
/// never changes) and each user's string dictionary. Entries idle for <see cref="IdleExpiry"/> are dropped, so the
/// memory follows the active users; the tables stay the truth and a dropped entry is simply read again.
/// </summary>
internal sealed class EventLogCatalog(NpgsqlDataSource dataSource) : IDisposable
{
    public static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(20);

    private readonly MemoryCache cache = new(new MemoryCacheOptions());

    /// <summary>The user's key, or null when the user has never appended.</summary>
    public async Task<int?> FindUserKeyAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(userId, out int key))
        {
            return key;
        }

        await using var command = dataSource.CreateCommand("SELECT user_key FROM floyo_event_log_users WHERE user_id = $1");
        command.Parameters.Add(new() { Value = userId });
        if (await command.ExecuteScalarAsync(cancellationToken) is int found)
        {
            Remember(userId, found);
            return found;
        }

        return null;
    }

    /// <summary>
    /// The keys of these users, creating the missing ones. Two silos may create the same user at once: the insert
    /// skips existing rows and the keys are read back afterwards, so both get the row that won.
    /// </summary>
    public async Task<Dictionary<Guid, int>> GetOrCreateUserKeysAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<Guid, int>(userIds.Count);
        var missing = new List<Guid>();
        foreach (var userId in userIds)
        {
            if (cache.TryGetValue(userId, out int key))
            {
                keys[userId] = key;
            }
            else
            {
                missing.Add(userId);
            }
        }

        if (missing.Count == 0)
        {
            return keys;
        }

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new("INSERT INTO floyo_event_log_users (user_id) SELECT unnest($1::uuid[]) ON CONFLICT (user_id) DO NOTHING")
        {
            Parameters = { new() { Value = missing.ToArray() } },
        });
        batch.BatchCommands.Add(new("SELECT user_id, user_key FROM floyo_event_log_users WHERE user_id = ANY($1)")
        {
            Parameters = { new() { Value = missing.ToArray() } },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (userId, key) = (reader.GetGuid(0), reader.GetInt32(1));
            Remember(userId, key);
            keys[userId] = key;
        }

        return keys;
    }

    public UserDictionary Dictionary(int userKey) =>
        cache.GetOrCreate(new DictionaryKey(userKey), entry =>
        {
            entry.SlidingExpiration = IdleExpiry;
            return new UserDictionary(userKey);
        })!;

    /// <summary>Brings a reader's dictionary up to date with the table.</summary>
    public async Task LoadNewStringsAsync(UserDictionary dictionary, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await LoadNewStringsAsync([dictionary], connection, cancellationToken);
    }

    /// <summary>Reads every string past each dictionary's count, on the given connection (the writer's transaction).</summary>
    public static async Task LoadNewStringsAsync(IReadOnlyList<UserDictionary> dictionaries, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (dictionaries.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT s.user_key, s.id, s.value
            FROM unnest($1::integer[], $2::integer[]) AS v (user_key, after_id)
            JOIN floyo_event_log_strings AS s ON s.user_key = v.user_key AND s.id > v.after_id
            ORDER BY s.user_key, s.id
            """,
            connection);
        command.Parameters.Add(new() { Value = dictionaries.Select(d => d.UserKey).ToArray() });
        command.Parameters.Add(new() { Value = dictionaries.Select(d => d.Count).ToArray() });
        var loaded = new Dictionary<int, List<(int, string)>>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var userKey = reader.GetInt32(0);
                if (!loaded.TryGetValue(userKey, out var strings))
                {
                    loaded[userKey] = strings = [];
                }

                strings.Add((reader.GetInt32(1), reader.GetString(2)));
            }
        }

        foreach (var dictionary in dictionaries)
        {
            if (loaded.TryGetValue(dictionary.UserKey, out var strings))
            {
                dictionary.AddCommitted(strings);
            }
        }
    }

    /// <summary>Drops what is cached about an erased user.</summary>
    public void Forget(Guid userId, int userKey)
    {
        cache.Remove(userId);
        cache.Remove(new DictionaryKey(userKey));
    }

    public void Dispose() => cache.Dispose();

    private void Remember(Guid userId, int key) =>
        cache.Set(userId, key, new MemoryCacheEntryOptions { SlidingExpiration = IdleExpiry });

    /// <summary>Keeps dictionary entries apart from user-id entries in the one cache.</summary>
    private readonly record struct DictionaryKey(int UserKey);
}
