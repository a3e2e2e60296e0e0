using System.Text.Json;
using Floyo.Agent.Configuration;
using Floyo.Agent.Events;
using Floyo.Agent.Watching;

namespace Floyo.Agent.Tests;

/// <summary>Wire events as the agent builds them (relative privacy, project "demo", a fresh id each).</summary>
public static class TestEvents
{
    private static readonly ProjectInfo Demo = new("/work/demo", "demo", "main");

    public static WireEvent Modified(string relativePath) =>
        new EventBuilder(new PathRedactor(PrivacyMode.Relative, new byte[32]), new ProjectLocator([Demo.Root]))
            .Single(Demo, new FileChange(FileChangeKind.Modified, Demo.Root + "/" + relativePath, DateTimeOffset.UtcNow));

    public static string ToJson(this WireEvent e) => JsonSerializer.Serialize(e, AgentJson.Default.WireEvent);
}
