using System.Text.Json;
using Floyo.Web.Apis;

namespace Floyo.Web.Tests;

public sealed class JsonStringCacheTests
{
    [Fact]
    public void Get_WithEqualValues_ReturnsOneInstance()
    {
        using var document = JsonDocument.Parse("""["p1","C#","p1","src/a.cs","C#","src/a.cs"]""");
        using var cache = new JsonStringCache();

        var values = document.RootElement.EnumerateArray().Select(cache.Get).ToList();

        Assert.Equal(["p1", "C#", "p1", "src/a.cs", "C#", "src/a.cs"], values);
        Assert.Same(values[0], values[2]);
        Assert.Same(values[1], values[4]);
        Assert.Same(values[3], values[5]);
    }

    [Fact]
    public void Get_WithEscapedValues_UnescapesThem()
    {
        using var document = JsonDocument.Parse("""["a\u0062c","abc","a\u0062c","tab\there","\u00e9t\u00e9","été","\ud83d\ude00",""]""");
        using var cache = new JsonStringCache();

        var values = document.RootElement.EnumerateArray().Select(cache.Get).ToList();

        Assert.Equal(["abc", "abc", "abc", "tab\there", "été", "été", "\U0001F600", ""], values);
        Assert.Same(values[0], values[2]);
    }

    [Fact]
    public void Get_WithValuesLongerThanTheLimit_ReturnsNewStrings()
    {
        var atLimit = new string('x', JsonStringCache.MaxValueBytes);
        var overLimit = atLimit + "x";
        using var document = JsonDocument.Parse($"""["{atLimit}","{atLimit}","{overLimit}","{overLimit}"]""");
        using var cache = new JsonStringCache();

        var values = document.RootElement.EnumerateArray().Select(cache.Get).ToList();

        Assert.Same(values[0], values[1]);
        Assert.Equal(values[2], values[3]);
        Assert.NotSame(values[2], values[3]);
    }

    [Fact]
    public void Get_AfterMaxEntriesDistinctValues_KeepsTheFirstAndCachesNoMore()
    {
        var distinct = Enumerable.Range(0, JsonStringCache.MaxEntries + 1).Select(i => $"\"v{i}\"").ToList();
        using var document = JsonDocument.Parse($"[{string.Join(',', distinct.Concat(distinct))}]");
        using var cache = new JsonStringCache();

        var values = document.RootElement.EnumerateArray().Select(cache.Get).ToList();

        var first = values[..distinct.Count];
        var second = values[distinct.Count..];
        Assert.Equal(first, second);
        Assert.All(Enumerable.Range(0, JsonStringCache.MaxEntries), i => Assert.Same(first[i], second[i]));
        Assert.NotSame(first[^1], second[^1]);
    }

    [Fact]
    public void Get_InSeparateBatches_SharesNothing()
    {
        using var document = JsonDocument.Parse("""["p1","p1"]""");
        using var first = new JsonStringCache();
        using var second = new JsonStringCache();

        Assert.NotSame(first.Get(document.RootElement[0]), second.Get(document.RootElement[1]));
    }

    [Fact]
    public void Get_AfterDispose_Throws()
    {
        using var document = JsonDocument.Parse("""["p1"]""");
        var cache = new JsonStringCache();
        cache.Dispose();

        Assert.Throws<ObjectDisposedException>(() => cache.Get(document.RootElement[0]));
    }
}
