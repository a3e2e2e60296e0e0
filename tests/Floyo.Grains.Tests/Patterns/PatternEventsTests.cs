using Floyo.Activity;
using Floyo.Patterns;
using Floyo.Patterns.Detectors;

namespace Floyo.Grains.Tests.Patterns;

public sealed class PatternEventsTests
{
    [Theory]
    [InlineData("src/api/users.cs", null, "src/api")]
    [InlineData("src/api/v2/users.cs", null, "src/api")]
    [InlineData("src/users.cs", null, "src")]
    [InlineData("users.cs", null, "(root)")]
    [InlineData("", null, "(root)")]
    [InlineData("//src//users.cs", null, "src")]
    [InlineData("/home/me/floyo/src/api/x.cs", "floyo", "src/api")]
    [InlineData("/home/me/floyo/floyo/README.md", "floyo", "(root)")]
    [InlineData("/home/me/floyo-web/src/x.cs", "floyo", "home/me")]
    [InlineData("C:\\code\\floyo\\src\\a.cs", "floyo", "src")]
    [InlineData("a//b/c/d.cs", "", "b/c")]
    [InlineData("/floyo/", "floyo", "(root)")]
    public void The_area_is_the_first_two_folders_below_the_project(string entity, string? project, string area) =>
        Assert.Equal(area, PatternEvents.AreaOf(entity, project));

    [Theory]
    [InlineData("src/app/appsettings.json", WorkflowSteps.EditConfig)]
    [InlineData("C:\\repo\\Dockerfile", WorkflowSteps.EditConfig)]
    [InlineData("deploy/.ENV", WorkflowSteps.EditConfig)]
    [InlineData("src/Program.cs", WorkflowSteps.EditSource)]
    [InlineData("tests/Program.cs", WorkflowSteps.EditTest)]
    [InlineData("src\\UserSpec.ts", WorkflowSteps.EditTest)]
    [InlineData("Makefile.bak", WorkflowSteps.EditSource)]
    public void A_change_is_a_config_test_or_source_edit(string entity, string step) =>
        Assert.Equal(step, PatternEvents.StepOf(new ActivityEvent(ActivityKind.Modified, entity, DateTimeOffset.UnixEpoch)));
}
