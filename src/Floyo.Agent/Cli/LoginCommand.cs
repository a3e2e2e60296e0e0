using System.CommandLine;
using Floyo.Agent.Configuration;

namespace Floyo.Agent.Cli;

/// <summary><c>login --server URL [--key KEY] [--privacy MODE] [--root DIR...]</c>: saves the server settings (0600).</summary>
public static class LoginCommand
{
    public const string KeyVariable = "FLOYO_API_KEY";

    public static Command Create(AgentCli cli)
    {
        var server = new Option<string>("--server") { Description = "The Floyo server, e.g. https://floyo.example.com.", Required = true };
        var key = new Option<string?>("--key") { Description = $"The API key (else ${KeyVariable}, else read from standard input)." };
        var privacy = new Option<PrivacyMode?>("--privacy") { Description = "hashed (default), relative or full." };
        var roots = new Option<string[]>("--root") { Description = "A folder to watch by default (repeatable).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("login", "Save the server URL and API key in the per-user config file (owner-only permissions).")
        {
            server, key, privacy, roots,
        };
        command.SetAction(result =>
        {
            if (!Uri.TryCreate(result.GetValue(server), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                cli.Error.WriteLine("--server must be an absolute http(s) URL.");
                return 2;
            }

            var apiKey = result.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable) ?? cli.Input.ReadLine();
            if (string.IsNullOrWhiteSpace(apiKey))
            {
                cli.Error.WriteLine($"No API key: pass --key, set {KeyVariable} or type it on standard input.");
                return 2;
            }

            var store = cli.Store(result);
            var chosenPrivacy = result.GetValue(privacy);
            var chosenRoots = result.GetValue(roots) ?? [];
            var saved = store.Update(c => c with
            {
                ServerUrl = url.AbsoluteUri,
                ApiKey = apiKey.Trim(),
                Privacy = chosenPrivacy ?? c.Privacy,
                Roots = chosenRoots.Length > 0 ? [.. chosenRoots.Select(Path.GetFullPath)] : c.Roots,
            });
            cli.Output.WriteLine($"Saved {store.Paths.ConfigFile} (owner-only). Server {saved.ServerUrl}, privacy {saved.Privacy.ToString().ToLowerInvariant()}.");
            return 0;
        });
        return command;
    }
}
