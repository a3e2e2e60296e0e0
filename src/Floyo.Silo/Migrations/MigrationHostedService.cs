namespace Floyo.Silo.Migrations;

/// <summary>Brings the schema up to date when the process starts, before Orleans starts.</summary>
public sealed class MigrationHostedService(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
