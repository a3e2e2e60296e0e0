namespace Floyo.SampleData;

/// <summary>The file group of a path, as the pattern engine defines it: its first two directory levels.</summary>
public static class Areas
{
    public static string Of(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            <= 1 => "(root)",
            2 => parts[0],
            _ => $"{parts[0]}/{parts[1]}",
        };
    }
}
