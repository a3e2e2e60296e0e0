using Floyo.Testing;

namespace Floyo.Postgres.Tests;

/// <summary>One throwaway PostgreSQL server per test class; each test creates its own database on it.</summary>
public class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? server;

    public PostgresServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Whether fsync and synchronous commit stay on (slower; needed when a test crashes the server).</summary>
    protected virtual bool Durable => false;

    public async ValueTask InitializeAsync() => server = await PostgresServer.StartAsync(Durable);

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A server with fsync and synchronous commit on, for tests that crash PostgreSQL: the fast settings of
/// <see cref="PostgresFixture"/> may lose committed transactions in an immediate shutdown, as PostgreSQL documents.
/// </summary>
public sealed class DurablePostgresFixture : PostgresFixture
{
    protected override bool Durable => true;
}
