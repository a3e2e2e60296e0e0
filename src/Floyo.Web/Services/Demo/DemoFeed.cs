using Floyo.Activity;
using Microsoft.Extensions.Options;

namespace Floyo.Web.Services.Demo;

/// <summary>Synthetic activity for the demo user, through the same ingest path as real clients.</summary>
public sealed partial class DemoFeed(
    IOptions<DemoOptions> options,
    DemoUser demo,
    ActivityService activity,
    TimeProvider clock,
    ILogger<DemoFeed> logger) : BackgroundService
{
    private static readonly (string Project, string Language, string[] Files)[] Projects =
    [
        ("floyo", "C#", ["src/Api/EventsApi.cs", "src/Grains/PatternGrain.cs", "tests/PatternTests.cs", "README.md"]),
        ("webshop", "TypeScript", ["src/cart.ts", "src/cart.test.ts", "src/checkout.tsx", "package.json"]),
        ("infra", "YAML", ["deploy/web.yaml", "deploy/silo.yaml", "Makefile"]),
    ];

    private static readonly ActivityKind[] Kinds =
        [ActivityKind.Modified, ActivityKind.Modified, ActivityKind.Modified, ActivityKind.Opened, ActivityKind.Created];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.IsEnabled || !options.Value.Feed)
        {
            return;
        }

        var userId = await demo.UserId.WaitAsync(stoppingToken);
        var random = new Random();
        while (!stoppingToken.IsCancellationRequested)
        {
            var pause = options.Value.FeedInterval * (0.5 + random.NextDouble());
            await Task.Delay(pause, clock, stoppingToken);
            var (project, language, files) = Projects[random.Next(Projects.Length)];
            var demoEvent = new ActivityEvent(
                Kinds[random.Next(Kinds.Length)], files[random.Next(files.Length)], clock.GetUtcNow(), project, language, "Floyo demo", "main");
            try
            {
                await activity.IngestAsync(userId, [demoEvent]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFeedFailed(ex);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "The demo feed could not store an event")]
    private partial void LogFeedFailed(Exception ex);
}
