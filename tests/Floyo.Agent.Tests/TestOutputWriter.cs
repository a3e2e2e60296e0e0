namespace Floyo.Agent.Tests;

/// <summary>Sends the agent's log lines to the current test's output (shown when a test fails).</summary>
public sealed class TestOutputWriter(ITestOutputHelper output) : TextWriter
{
    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        try
        {
            output.WriteLine(value ?? "");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; nobody reads this line.
        }
    }
}
