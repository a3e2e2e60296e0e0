namespace Floyo.Agent.Watching;

/// <summary>Parsed .gitignore files by folder, re-read after <see cref="Invalidate"/>. Used from one thread.</summary>
public sealed class GitIgnoreCache
{
    private readonly Dictionary<string, IgnoreList> byDirectory = new(StringComparer.Ordinal);

    public IgnoreList For(string directory)
    {
        if (!byDirectory.TryGetValue(directory, out var list))
        {
            list = Read(Path.Combine(directory, ".gitignore"));
            byDirectory[directory] = list;
        }

        return list;
    }

    /// <summary>Forgets the rules of the folder of <paramref name="path"/> when it is a .gitignore file.</summary>
    public void Invalidate(string path)
    {
        if (Path.GetFileName(path) == ".gitignore")
        {
            byDirectory.Remove(Path.GetDirectoryName(path)!);
        }
    }

    private static IgnoreList Read(string file)
    {
        try
        {
            return File.Exists(file) ? IgnoreList.Parse(File.ReadAllLines(file)) : IgnoreList.Empty;
        }
        catch (IOException)
        {
            return IgnoreList.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return IgnoreList.Empty;
        }
    }
}
