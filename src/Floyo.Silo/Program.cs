using Floyo.Silo.Hosting;

namespace Floyo.Silo;

/// <summary>
/// A Floyo silo: <c>Floyo.Silo</c> runs one (Postgres clustering when <c>ConnectionStrings__Floyo</c> is set), serving
/// /health/live, /health/ready and /metrics over HTTP; <c>Floyo.Silo migrate</c> only migrates the schema.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["migrate", .. var rest])
        {
            return await MigrateCommand.RunAsync(rest);
        }

        var builder = WebApplication.CreateBuilder(args);
        builder.AddFloyoBackend("floyo-silo", OrleansRole.Silo);
        var app = builder.Build();
        app.MapFloyoOperationalEndpoints();
        await app.RunAsync();
        return 0;
    }
}
