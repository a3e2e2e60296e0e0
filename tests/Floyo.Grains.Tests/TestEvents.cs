using Floyo.Activity;

namespace Floyo.Grains.Tests;

internal static class TestEvents
{
    public static ActivityEvent Modified(string entity, string? project = "floyo", string? id = null) =>
        new(ActivityKind.Modified, entity, DateTimeOffset.UtcNow, project, ClientEventId: id);

    public static ActivityEvent Created(string entity, string? project = "floyo") =>
        new(ActivityKind.Created, entity, DateTimeOffset.UtcNow, project);
}
