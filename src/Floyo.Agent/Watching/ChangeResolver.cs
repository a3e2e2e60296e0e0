namespace Floyo.Agent.Watching;

/// <summary>
/// Turns a closed window into settled changes by comparing the file system with the snapshot: a path that appeared
/// is created, one whose size or modification time moved is modified, one that vanished is deleted, a rename of a
/// known file to a reported name is renamed. Coalescing falls out of this: a file created and deleted within one
/// window is nothing, written ten times is one change. A root whose events were lost is rescanned and diffed whole.
/// Owns the snapshot; used from one thread (the change loop).
/// </summary>
public sealed class ChangeResolver(PathFilter filter)
{
    private readonly FileSnapshot snapshot = new();

    public int KnownFiles => snapshot.Count;

    /// <summary>Records the current state of every root without reporting anything.</summary>
    public void Initialize()
    {
        foreach (var root in filter.Projects.WatchRoots)
        {
            foreach (var (path, stamp) in TreeScanner.Scan(root, filter))
            {
                snapshot.Set(path, stamp);
            }
        }

        snapshot.TrimExcess();
    }

    /// <summary>
    /// Appends the window's settled changes to <paramref name="changes"/> as it goes, each together with its snapshot
    /// update: if it throws, what it appended is consistent with the snapshot and a rescan finds the rest.
    /// </summary>
    public void Resolve(ChangeWindow window, DateTimeOffset now, List<FileChange> changes)
    {
        foreach (var path in window.Paths.Keys)
        {
            filter.Observe(path);
        }

        foreach (var root in window.LostRoots)
        {
            Rescan(root, now, changes);
        }

        foreach (var rename in window.Renames)
        {
            filter.Observe(rename.OldPath);
            filter.Observe(rename.NewPath);
            if (!window.LostRoots.Any(root => ProjectLocator.IsUnder(rename.NewPath, root)))
            {
                ResolveRename(rename, window, changes);
            }
        }

        foreach (var (path, at) in window.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!window.LostRoots.Any(root => ProjectLocator.IsUnder(path, root)))
            {
                ResolvePath(path, at, changes);
            }
        }
    }

    private void ResolveRename(PendingRename rename, ChangeWindow window, List<FileChange> changes)
    {
        if (Directory.Exists(rename.NewPath))
        {
            var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
            foreach (var file in snapshot.IsKnownDirectory(rename.OldPath) ? snapshot.FilesUnder(rename.OldPath) : [])
            {
                snapshot.TryGet(file, out var known);
                stamps[file] = known;
            }

            snapshot.RemoveDirectory(rename.OldPath);
            foreach (var (oldFile, stamp) in stamps)
            {
                var newFile = rename.NewPath + oldFile[rename.OldPath.Length..];
                if (File.Exists(newFile) && !filter.IsExcluded(newFile, isDirectory: false))
                {
                    snapshot.Set(newFile, FileStamp.Read(newFile) ?? stamp);
                    changes.Add(new FileChange(FileChangeKind.Renamed, newFile, rename.At, oldFile));
                }
                else
                {
                    changes.Add(new FileChange(FileChangeKind.Deleted, oldFile, rename.At));
                }
            }

            ResolvePath(rename.NewPath, rename.At, changes);
            return;
        }

        var newStamp = FileStamp.Read(rename.NewPath);
        if (snapshot.TryGet(rename.OldPath, out _) && newStamp is not null && !snapshot.TryGet(rename.NewPath, out _)
            && !filter.IsExcluded(rename.NewPath, isDirectory: false))
        {
            snapshot.Remove(rename.OldPath);
            snapshot.Set(rename.NewPath, newStamp.Value);
            changes.Add(new FileChange(FileChangeKind.Renamed, rename.NewPath, rename.At, rename.OldPath));
            return;
        }

        // Anything else (a save through a temporary file, a move out of or into the reported set) is settled by state.
        ResolvePath(rename.OldPath, window.Paths.GetValueOrDefault(rename.OldPath, rename.At), changes);
        ResolvePath(rename.NewPath, window.Paths.GetValueOrDefault(rename.NewPath, rename.At), changes);
    }

    private void ResolvePath(string path, DateTimeOffset at, List<FileChange> changes)
    {
        if (Directory.Exists(path))
        {
            if (!filter.IsExcluded(path, isDirectory: true))
            {
                foreach (var (file, stamp) in TreeScanner.Scan(path, filter))
                {
                    Compare(file, stamp, at, changes);
                }
            }

            return;
        }

        var current = FileStamp.Read(path);
        if (current is not null)
        {
            if (filter.IsExcluded(path, isDirectory: false))
            {
                snapshot.Remove(path);
            }
            else
            {
                Compare(path, current.Value, at, changes);
            }

            return;
        }

        if (snapshot.Remove(path))
        {
            changes.Add(new FileChange(FileChangeKind.Deleted, path, at));
            return;
        }

        // A folder that vanished: everything known below it is gone.
        changes.AddRange(snapshot.RemoveDirectory(path).Select(file => new FileChange(FileChangeKind.Deleted, file, at)));
    }

    private void Compare(string path, FileStamp current, DateTimeOffset at, List<FileChange> changes)
    {
        if (!snapshot.TryGet(path, out var known))
        {
            snapshot.Set(path, current);
            changes.Add(new FileChange(FileChangeKind.Created, path, at));
        }
        else if (known != current)
        {
            snapshot.Set(path, current);
            changes.Add(new FileChange(FileChangeKind.Modified, path, at));
        }
    }

    private void Rescan(string root, DateTimeOffset at, List<FileChange> changes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, stamp) in TreeScanner.Scan(root, filter))
        {
            seen.Add(path);
            Compare(path, stamp, at, changes);
        }

        foreach (var missing in snapshot.FilesUnder(root).Where(p => !seen.Contains(p)).ToList())
        {
            snapshot.Remove(missing);
            changes.Add(new FileChange(FileChangeKind.Deleted, missing, at));
        }
    }
}
