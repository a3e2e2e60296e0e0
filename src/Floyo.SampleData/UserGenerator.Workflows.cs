using Floyo.Activity;
using Floyo.Patterns;

namespace Floyo.SampleData;

internal sealed partial class UserGenerator
{
    /// <summary>
    /// One episode of a planted workflow in one area of a project: 30 s – 3 min between steps. With 4% per step a stray
    /// config save breaks it, with 5% it is abandoned before its last step; with 10% per step a file is only opened
    /// (harmless). Intact episodes count as occurrences.
    /// </summary>
    private DateTimeOffset Workflow(DateTimeOffset t)
    {
        var w = random.Next(workflows.Count);
        var steps = workflows[w];
        var project = Pick(persona.Projects);
        var area = Areas.Of(Pick(project.SourceFiles));
        var sources = project.SourceFiles.Where(f => Areas.Of(f) == area).ToList();
        var tests = project.TestFiles.Count > 0 ? project.TestFiles : project.SourceFiles;
        var intact = true;
        var count = random.NextDouble() < 0.05 ? steps.Length - 1 : steps.Length;
        intact &= count == steps.Length;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                t = Fill(t, t + Seconds(30, 180), project, Pick(sources));
            }

            if (random.NextDouble() < 0.04)
            {
                writer.Save(t, project, Pick(project.ConfigFiles));
                t += Seconds(20, 60);
                intact = false;
            }

            if (random.NextDouble() < 0.1)
            {
                writer.Open(t, project, Pick(sources));
                t += Seconds(5, 20);
            }

            t = Step(t, steps[i], project, sources, tests);
        }

        if (intact)
        {
            workflowOccurrences[w]++;
        }

        return t;
    }

    private DateTimeOffset Step(DateTimeOffset t, string step, ProjectLayout project, List<string> sources, IReadOnlyList<string> tests)
    {
        switch (step)
        {
            case WorkflowSteps.EditSource:
                var files = sources.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
                for (var saves = random.Next(1, 4); saves > 0; saves--)
                {
                    writer.Save(t, project, Pick(files));
                    t += Seconds(30, 90);
                }

                return t;
            case WorkflowSteps.EditTest:
                var test = Pick(tests);
                for (var saves = random.Next(1, 3); saves > 0; saves--)
                {
                    writer.Save(t, project, test);
                    t += Seconds(30, 90);
                }

                return t;
            case WorkflowSteps.EditConfig:
                writer.Save(t, project, Pick(project.ConfigFiles));
                return t + Seconds(20, 60);
            case WorkflowSteps.Build:
                writer.Tool(t, project, ActivityKind.Build, "building");
                return t + Seconds(20, 90);
            case WorkflowSteps.RunTests:
                writer.Tool(t, project, ActivityKind.TestRun, "running tests");
                return t + Seconds(20, 120);
            case WorkflowSteps.Debug:
                writer.Tool(t, project, ActivityKind.DebugSession, "debugging");
                for (var beats = random.Next(1, 4); beats > 0; beats--)
                {
                    t += Seconds(20, 60);
                    writer.Heartbeat(t, project, Pick(sources), "debugging");
                }

                return t + Seconds(10, 30);
            case WorkflowSteps.Review:
                for (var beats = random.Next(2, 4); beats > 0; beats--)
                {
                    writer.Heartbeat(t, project, Pick(project.SourceFiles), "code reviewing");
                    t += Seconds(30, 90);
                }

                return t;
            default: // commit-like burst: several distinct files saved within seconds
                foreach (var file in project.SourceFiles.Concat(tests).Distinct().OrderBy(_ => random.Next()).Take(random.Next(4, 7)))
                {
                    writer.Save(t, project, file);
                    t += Seconds(1, 4);
                }

                return t;
        }
    }
}
