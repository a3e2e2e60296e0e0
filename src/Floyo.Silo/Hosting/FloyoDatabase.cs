namespace Floyo.Silo.Hosting;

/// <summary>Where Floyo keeps durable data: <c>ConnectionStrings:Floyo</c> selects PostgreSQL; without it everything is in memory.</summary>
public static class FloyoDatabase
{
    public const string ConnectionStringName = "Floyo";

    /// <summary>The ADO.NET invariant name of Npgsql, which the Orleans providers load by reflection.</summary>
    public const string AdoNetInvariant = "Npgsql";

    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value ? value : null;
}
