namespace Floyo.SampleData;

internal sealed partial class UserGenerator
{
    private static readonly TimeSpan MinFocus = TimeSpan.FromMinutes(26);

    private void GenerateDay(DateOnly day, string? kind)
    {
        var startHour = persona.WorkStartHour + (kind == "night" ? 8 : 0);
        var hours = persona.WorkHours * (kind == "overload" ? 1.8 : 1) + Between(-0.75, 0.75);
        hours = Math.Min(hours, 23.5 - startHour); // a day's work ends by local midnight
        var localStart = day.ToDateTime(new TimeOnly(0, 0)).AddHours(startHour).AddMinutes(Between(-30, 30));
        var t = new DateTimeOffset(localStart, TimeSpan.Zero).AddHours(-persona.UtcOffsetHours);
        var end = t.AddHours(hours);
        heartbeatSeconds = Math.Max(3, persona.WorkHours * 3600 * 0.45 / (options.EventsPerDay * 0.8));
        if (kind == "overload")
        {
            heartbeatSeconds /= 2;
        }

        while (t < end)
        {
            t = NextBlock(t, kind) + Seconds(6 * 60, 20 * 60);
        }
    }

    private DateTimeOffset NextBlock(DateTimeOffset t, string? kind)
    {
        var roll = random.NextDouble();
        if (kind == "scatter")
        {
            return roll < 0.8 ? Scattered(t, allProjects: true) : Noise(t);
        }

        var (focus, scatter, coEdit, workflow) = persona.ContextSwitcher ? (0.10, 0.35, 0.2, 0.2) : (0.3, 0.1, 0.2, 0.25);
        return roll < focus ? Focus(t)
            : roll < focus + scatter ? Scattered(t, allProjects: false)
            : roll < focus + scatter + coEdit ? CoEdit(t)
            : roll < focus + scatter + coEdit + workflow ? Workflow(t)
            : Noise(t);
    }

    private bool FocusVisible => heartbeatSeconds <= options.FocusVisibleInterval.TotalSeconds;

    private DateTimeOffset Focus(DateTimeOffset t)
    {
        var project = Pick(persona.Projects);
        var area = Areas.Of(Pick(project.SourceFiles));
        var inArea = project.SourceFiles.Concat(project.TestFiles).Where(f => Areas.Of(f) == area).ToList();
        var main = Pick(inArea);
        var end = t + TimeSpan.FromMinutes(Between(30, 100));
        DateTimeOffset? first = null;
        var last = t;
        while (t < end)
        {
            t += Seconds(heartbeatSeconds * 0.5, heartbeatSeconds * 1.5);
            var roll = random.NextDouble();
            if (roll < 0.06 && first is not null)
            {
                var other = Pick(persona.Projects);
                writer.Open(t, other, Pick(other.SourceFiles.Where(f => Areas.Of(f) != area || other != project).ToList()));
                continue;
            }

            var file = random.NextDouble() < 0.8 ? main : Pick(inArea);
            if (roll < 0.25)
            {
                writer.Save(t, project, random.NextDouble() < 0.9 ? main : file);
            }
            else
            {
                writer.Heartbeat(t, project, file);
            }

            first ??= t;
            last = t;
        }

        if (first is { } start && last - start >= MinFocus && FocusVisible)
        {
            focusSessions.Add(new PlantedSpan(project.Name, area, start, last));
        }

        return t;
    }

    private DateTimeOffset Scattered(DateTimeOffset t, bool allProjects)
    {
        var start = t;
        var end = t + TimeSpan.FromMinutes(Between(30, 60));
        var project = Pick(persona.Projects);
        while (t < end)
        {
            if (allProjects || random.NextDouble() < 0.3)
            {
                project = Pick(persona.Projects);
            }

            var area = Areas.Of(Pick(project.SourceFiles));
            var files = project.SourceFiles.Where(f => Areas.Of(f) == area).ToList();
            var stayEnd = t + TimeSpan.FromMinutes(Between(2, 6));
            while (t < stayEnd)
            {
                t += Seconds(heartbeatSeconds * 0.5, heartbeatSeconds * 1.5);
                if (random.NextDouble() < 0.2)
                {
                    writer.Save(t, project, Pick(files));
                }
                else
                {
                    writer.Heartbeat(t, project, Pick(files));
                }
            }
        }

        if (t - start >= MinFocus && FocusVisible)
        {
            scattered.Add(new PlantedSpan(project.Name, "(scattered)", start, t));
        }

        return t;
    }

    private DateTimeOffset CoEdit(DateTimeOffset t)
    {
        var g = random.Next(groups.Count);
        var (project, planted) = groups[g];
        var files = planted.OrderBy(_ => random.Next()).ToList();
        var partial = random.NextDouble() < 0.1;
        if (partial)
        {
            files.RemoveAt(0);
        }

        if (random.NextDouble() < 0.3)
        {
            files.Insert(random.Next(files.Count + 1), Pick(project.SourceFiles));
        }

        foreach (var file in files)
        {
            writer.Open(t, project, file);
            for (var saves = random.Next(1, 3); saves > 0; saves--)
            {
                t = Fill(t, t + Seconds(20, 120), project, file);
                writer.Save(t, project, file);
            }
        }

        if (!partial)
        {
            groupOccurrences[g]++;
        }

        return t;
    }

    private DateTimeOffset Noise(DateTimeOffset t)
    {
        var end = t + TimeSpan.FromMinutes(Between(5, 15));
        var decoy = Pick(decoys);
        writer.Save(t, decoy.Project, decoy.File);
        while (t < end)
        {
            t += Seconds(30, 120);
            var project = Pick(persona.Projects);
            var roll = random.NextDouble();
            if (roll < 0.4)
            {
                writer.App(t, random.NextDouble() < 0.6 ? "Slack" : "Firefox", random.NextDouble() < 0.6 ? "communicating" : "browsing");
            }
            else if (roll < 0.7)
            {
                writer.Open(t, project, Pick(project.SourceFiles));
            }
            else if (roll < 0.9)
            {
                writer.Heartbeat(t, project, Pick(project.SourceFiles.Concat(project.TestFiles).ToList()));
            }
            else
            {
                var save = random.NextDouble() < 0.5 ? Pick(decoys) : (project, Pick(project.SourceFiles));
                writer.Save(t, save.Item1, save.Item2);
            }
        }

        return t;
    }

    /// <summary>Heartbeats on <paramref name="file"/> between <paramref name="from"/> and <paramref name="to"/>; returns <paramref name="to"/>.</summary>
    private DateTimeOffset Fill(DateTimeOffset from, DateTimeOffset to, ProjectLayout project, string file)
    {
        for (var t = from + Seconds(heartbeatSeconds * 0.5, heartbeatSeconds * 1.5); t < to;
             t += Seconds(heartbeatSeconds * 0.5, heartbeatSeconds * 1.5))
        {
            writer.Heartbeat(t, project, file);
        }

        return to;
    }
}
