using System.Diagnostics;
using System.Reflection;
using Floyo.Testing;

namespace Floyo.Web.Tests;

/// <summary>The load generator's short smoke run (in memory, a few seconds), so the benchmark tool keeps working.</summary>
public sealed class LoadGeneratorSmokeTests
{
    private static readonly string Configuration =
        typeof(LoadGeneratorSmokeTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    [Fact]
    public async Task LoadGen_Smoke_DeliversEveryEventAndEveryPush()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var tool = Path.Combine(RepositoryLayout.Root, "tools", "Floyo.LoadGen", "bin", Configuration, "net10.0", "Floyo.LoadGen.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryLayout.Root };
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add("--smoke");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.True(process.ExitCode == 0, $"--smoke exited {process.ExitCode}:{Environment.NewLine}{await output}{await error}");
        Assert.Contains("0 failed", await output, StringComparison.Ordinal);
    }
}
