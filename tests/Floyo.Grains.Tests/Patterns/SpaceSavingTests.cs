using Floyo.Patterns.Detectors;

namespace Floyo.Grains.Tests.Patterns;

public sealed class SpaceSavingTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_full_sketch_evicts_exactly_what_a_scan_for_the_smallest_would(int seed)
    {
        var random = new Random(seed);
        var sketch = new Dictionary<string, CounterEntry>();
        var oracle = new Dictionary<string, double>();
        const int capacity = 8;
        for (var step = 0; step < 5_000; step++)
        {
            if (random.Next(200) == 0)
            {
                SpaceSaving.Decay(sketch, 0.9);
                foreach (var key in oracle.Keys.ToList())
                {
                    oracle[key] *= 0.9;
                }

                continue;
            }

            // Few distinct weights and keys, so equal counts (ties) are common.
            var next = $"k{random.Next(30)}";
            var weight = random.Next(3) switch { 0 => 0.5, 1 => 1.0, _ => 2.0 };
            SpaceSaving.Add(sketch, capacity, next, weight, At, null);
            OracleAdd(oracle, capacity, next, weight);

            Assert.Equal(oracle.OrderBy(p => p.Key, StringComparer.Ordinal), sketch.Select(p => KeyValuePair.Create(p.Key, p.Value.Count)).OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Ties_evict_the_ordinally_smallest_key()
    {
        var sketch = new Dictionary<string, CounterEntry>();
        foreach (var key in new[] { "b", "a", "c" })
        {
            SpaceSaving.Add(sketch, 3, key, 1, At, null);
        }

        SpaceSaving.Add(sketch, 3, "d", 1, At, null);
        SpaceSaving.Add(sketch, 3, "e", 1, At, null);

        Assert.Equal(["c", "d", "e"], sketch.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([1.0, 2.0, 2.0], sketch.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.Count));
    }

    [Fact]
    public void Many_increments_of_one_key_do_not_hide_the_others_from_eviction()
    {
        var sketch = new Dictionary<string, CounterEntry>();
        foreach (var key in new[] { "a", "b", "c" })
        {
            SpaceSaving.Add(sketch, 3, key, 1, At, null);
        }

        SpaceSaving.Add(sketch, 3, "d", 5, At, null); // evicts "a" and builds the index
        for (var i = 0; i < 200; i++)
        {
            SpaceSaving.Add(sketch, 3, "d", 1, At, null); // stale snapshots pile up until the index is rebuilt
        }

        SpaceSaving.Add(sketch, 3, "e", 1, At, null);

        Assert.Equal(["c", "d", "e"], sketch.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>The sketch as first written: a linear scan for the smallest count, ties to the ordinally smallest key.</summary>
    private static void OracleAdd(Dictionary<string, double> counts, int capacity, string key, double weight)
    {
        if (!counts.ContainsKey(key))
        {
            var floor = 0.0;
            if (counts.Count >= capacity)
            {
                var victim = counts.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
                floor = victim.Value;
                counts.Remove(victim.Key);
            }

            counts[key] = floor;
        }

        counts[key] += weight;
    }
}
