using Floyo.Activity;

namespace Floyo.Grains.Tests;

internal static class TestEvents
{
    public static ActivityEvent Modified(string entity, string? project = "floyo", string? id = null) =>
        new(FileEventKind.Modified, entity, DateTimeOffset.UtcNow, project, ClientEventId: id);

    public static ActivityEvent Created(string entity, string? project = "floyo") =>
        new(FileEventKind.Created, entity, DateTimeOffset.UtcNow, project);
}
