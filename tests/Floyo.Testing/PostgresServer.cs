using System.Diagnostics;
using Npgsql;

namespace Floyo.Testing;

/// <summary>
/// A throwaway PostgreSQL server in a temporary folder on a free loopback port, started from the machine's PostgreSQL
/// binaries and removed on dispose. As root (CI) it runs through <c>runuser -u postgres</c>, because PostgreSQL refuses
/// to run as root. Set <c>FLOYO_TEST_POSTGRES</c> to an admin connection string to use an existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ExternalServerVariable = "FLOYO_TEST_POSTGRES";
    private readonly string? dataDirectory;
    private readonly string binDirectory;
    private readonly bool asPostgresUser;

    private PostgresServer(string adminConnectionString, string? dataDirectory, string binDirectory, bool asPostgresUser, int port)
    {
        AdminConnectionString = adminConnectionString;
        this.dataDirectory = dataDirectory;
        this.binDirectory = binDirectory;
        this.asPostgresUser = asPostgresUser;
        Port = port;
    }

    public string AdminConnectionString { get; }

    public int Port { get; }

    /// <summary>Starts a new server (or attaches to the one named by FLOYO_TEST_POSTGRES).</summary>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        if (Environment.GetEnvironmentVariable(ExternalServerVariable) is { Length: > 0 } external)
        {
            return new PostgresServer(external, null, "", false, new NpgsqlConnectionStringBuilder(external).Port);
        }

        var bin = FindBinaries();
        var asPostgres = Environment.UserName == "root";
        var directory = Directory.CreateTempSubdirectory("floyo-pg-").FullName;
        var data = Path.Combine(directory, "data");
        if (asPostgres)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", directory]);
        }

        var port = FreePort.Next();
        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50",
            directory, bin, asPostgres, port);
        await server.RunToolAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        var settings = $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={directory} -c max_connections=200"
            + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await File.WriteAllTextAsync(Path.Combine(directory, "settings"), settings);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "floyo_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the server at once (as if it crashed); <see cref="StartServerAsync"/> brings it back with its data.</summary>
    public Task StopServerAsync() => RequireOwned().RunToolAsync("pg_ctl", ["-D", DataPath, "-m", "immediate", "-w", "stop"]);

    public async Task StartServerAsync()
    {
        var settings = await File.ReadAllTextAsync(Path.Combine(RequireOwned().dataDirectory!, "settings"));
        await RunToolAsync("pg_ctl", ["-D", DataPath, "-o", settings, "-l", Path.Combine(dataDirectory!, "log"), "-w", "-t", "60", "start"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (dataDirectory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopServerAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(dataDirectory, recursive: true);
    }

    private string DataPath => Path.Combine(dataDirectory!, "data");

    private PostgresServer RequireOwned() =>
        dataDirectory is null ? throw new InvalidOperationException("An external server cannot be stopped or started by tests.") : this;

    private Task RunToolAsync(string tool, string[] arguments)
    {
        var executable = Path.Combine(binDirectory, tool);
        return asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : RunAsync(executable, arguments);
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql; install postgresql or set FLOYO_TEST_POSTGRES.");
    }

    private static async Task RunAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
