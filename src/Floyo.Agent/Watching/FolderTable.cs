namespace Floyo.Agent.Watching;

/// <summary>
/// The folders the snapshot knows (those holding known files and every folder above them), each path kept once under
/// a small id that file keys carry instead of the path. Used from one thread.
/// </summary>
public sealed class FolderTable
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> idsBySpan;
    private readonly List<string?> paths = [];

    public FolderTable() => idsBySpan = ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool Contains(string path) => ids.ContainsKey(path);

    public bool TryGetId(ReadOnlySpan<char> path, out int id) => idsBySpan.TryGetValue(path, out id);

    /// <summary>The id of <paramref name="path"/>, adding it and the folders above it when new.</summary>
    public int Add(ReadOnlySpan<char> path)
    {
        if (idsBySpan.TryGetValue(path, out var id))
        {
            return id;
        }

        var text = path.ToString();
        id = paths.Count;
        paths.Add(text);
        ids.Add(text, id);
        for (var parent = Path.GetDirectoryName(path); !parent.IsEmpty && !idsBySpan.ContainsKey(parent); parent = Path.GetDirectoryName(parent))
        {
            var parentText = parent.ToString();
            ids.Add(parentText, paths.Count);
            paths.Add(parentText);
        }

        return id;
    }

    public string PathOf(int id) => paths[id] ?? throw new KeyNotFoundException($"Folder {id} was removed.");

    /// <summary>The ids of <paramref name="directory"/> and every known folder below it.</summary>
    public HashSet<int> IdsUnder(string directory) =>
        [.. ids.Where(folder => ProjectLocator.IsUnder(folder.Key, directory)).Select(folder => folder.Value)];

    public void Remove(IEnumerable<int> folderIds)
    {
        foreach (var id in folderIds)
        {
            ids.Remove(PathOf(id));
            paths[id] = null;
        }
    }

    public void TrimExcess()
    {
        ids.TrimExcess();
        paths.TrimExcess();
    }
}
