using System.Text.Json;
using Floyo.Agent.Configuration;

namespace Floyo.Agent.Queue;

/// <summary>Keeps <see cref="AgentStatus"/> in memory and in status.json (0600, atomic replace). Thread-safe.</summary>
public sealed class StatusStore
{
    private readonly Lock gate = new();
    private readonly string path;
    private AgentStatus current;

    public StatusStore(string path)
    {
        this.path = path;
        current = Read(path);
    }

    public AgentStatus Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    public AgentStatus Update(Func<AgentStatus, AgentStatus> change)
    {
        lock (gate)
        {
            current = change(current);
            OwnerOnlyFile.WriteAtomically(path, JsonSerializer.SerializeToUtf8Bytes(current, AgentJson.Indented.AgentStatus));
            return current;
        }
    }

    public static AgentStatus Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), AgentJson.Default.AgentStatus) ?? new() : new();
        }
        catch (JsonException)
        {
            return new();
        }
        catch (IOException)
        {
            return new();
        }
    }
}
