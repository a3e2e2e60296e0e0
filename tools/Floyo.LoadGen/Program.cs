using Floyo.LoadGen;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(LoadGenOptions.Usage);
    return 0;
}

LoadGenOptions options;
try
{
    options = LoadGenOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadGenOptions.Usage);
    return 2;
}

using var shutdown = new ShutdownSignal();
try
{
    return await LoadGenApp.RunAsync(options, shutdown.Token);
}
catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
