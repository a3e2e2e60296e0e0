using Floyo.Agent.Watching;

namespace Floyo.Agent.Tests;

public sealed class FileSnapshotTests
{
    private static readonly FileStamp Stamp = new(10, 20);

    [Fact]
    public void Set_ThenTryGet_FindsTheStampByPath()
    {
        var snapshot = new FileSnapshot();

        snapshot.Set("/p/src/a.cs", Stamp);
        snapshot.Set("/p/src/a.cs", Stamp with { Length = 11 });
        snapshot.Set("/p/b.cs", Stamp);

        Assert.Equal(2, snapshot.Count);
        Assert.True(snapshot.TryGet("/p/src/a.cs", out var stamp));
        Assert.Equal(Stamp with { Length = 11 }, stamp);
        Assert.False(snapshot.TryGet("/p/a.cs", out _));
        Assert.False(snapshot.TryGet("/q/src/a.cs", out _));
    }

    [Fact]
    public void Set_NamesBeyondAscii_AndLongerThanTheScratchBuffer_RoundTrip()
    {
        var snapshot = new FileSnapshot();
        var longName = "/p/" + new string('é', 600) + ".txt";

        snapshot.Set("/p/naïve 日本.cs", Stamp);
        snapshot.Set(longName, Stamp);

        Assert.True(snapshot.TryGet("/p/naïve 日本.cs", out _));
        Assert.True(snapshot.TryGet(longName, out _));
        Assert.Equal(["/p/naïve 日本.cs", longName], snapshot.FilesUnder("/p").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Remove_ForgetsTheFileButNotItsFolder()
    {
        var snapshot = new FileSnapshot();
        snapshot.Set("/p/src/a.cs", Stamp);

        Assert.True(snapshot.Remove("/p/src/a.cs"));
        Assert.False(snapshot.Remove("/p/src/a.cs"));
        Assert.False(snapshot.Remove("/p/other/a.cs"));
        Assert.Equal(0, snapshot.Count);
        Assert.True(snapshot.IsKnownDirectory("/p/src"));
    }

    [Fact]
    public void RemoveDirectory_ReturnsAndForgetsEverythingBelow()
    {
        var snapshot = new FileSnapshot();
        snapshot.Set("/p/src/a.cs", Stamp);
        snapshot.Set("/p/src/deep/b.cs", Stamp);
        snapshot.Set("/p/srcx/c.cs", Stamp);

        Assert.True(snapshot.IsKnownDirectory("/p/src"));
        Assert.True(snapshot.IsKnownDirectory("/p"));
        Assert.Equal(["/p/src/a.cs", "/p/src/deep/b.cs"], snapshot.RemoveDirectory("/p/src").Order(StringComparer.Ordinal));

        Assert.False(snapshot.IsKnownDirectory("/p/src/deep"));
        Assert.False(snapshot.TryGet("/p/src/a.cs", out _));
        Assert.Equal(["/p/srcx/c.cs"], snapshot.FilesUnder("/p"));
        Assert.Empty(snapshot.RemoveDirectory("/p/src"));

        snapshot.Set("/p/src/a.cs", Stamp);
        Assert.Equal(["/p/src/a.cs"], snapshot.FilesUnder("/p/src"));
    }

    [Fact]
    public void Remove_ManyFiles_KeepsTheRestFindable()
    {
        var snapshot = new FileSnapshot();
        for (var i = 0; i < 20_000; i++)
        {
            snapshot.Set($"/p/d{i % 7}/file-{i}.cs", new FileStamp(i, i));
        }

        snapshot.TrimExcess();
        for (var i = 0; i < 20_000; i += 4)
        {
            snapshot.Set($"/p/d{i % 7}/file-{i}.cs", new FileStamp(-i, i));
        }

        for (var i = 0; i < 20_000; i++)
        {
            if (i % 4 != 0)
            {
                Assert.True(snapshot.Remove($"/p/d{i % 7}/file-{i}.cs"));
            }
        }

        Assert.Equal(5_000, snapshot.Count);
        for (var i = 0; i < 20_000; i += 4)
        {
            Assert.True(snapshot.TryGet($"/p/d{i % 7}/file-{i}.cs", out var stamp));
            Assert.Equal(new FileStamp(-i, i), stamp);
        }

        Assert.Equal(5_000, snapshot.FilesUnder("/p").Count);
    }
}
