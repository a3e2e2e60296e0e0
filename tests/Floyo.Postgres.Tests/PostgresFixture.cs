using Floyo.Testing;

namespace Floyo.Postgres.Tests;

/// <summary>One throwaway PostgreSQL server per test class; each test creates its own database on it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? server;

    public PostgresServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync() => server = await PostgresServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
