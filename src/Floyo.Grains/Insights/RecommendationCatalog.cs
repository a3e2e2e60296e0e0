namespace Floyo.Insights;

/// <summary>
/// The tools and practices Floyo recommends. Each entry says what it is and how to adopt it; the rule that maps a
/// user's patterns to the entry (see <see cref="RecommendationRules"/>) supplies why it fits. <see cref="CatalogEntry.Prior"/>
/// is the acceptance rate assumed before any feedback exists (the rule prior the learned ranking must beat).
/// </summary>
public static class RecommendationCatalog
{
    public const string TestWatcher = "test-watcher";
    public const string PreCommitHooks = "pre-commit-hooks";
    public const string Formatter = "formatter";
    public const string BatchCommunication = "batch-communication";
    public const string IdeRefactoring = "ide-refactoring";
    public const string FocusBlocks = "focus-blocks";
    public const string BuildCache = "build-cache";
    public const string DebuggerBreakpoints = "debugger-breakpoints";

    public static IReadOnlyList<CatalogEntry> All { get; } =
    [
        new(TestWatcher, "A test watcher", 0.45,
            "A test runner in watch mode re-runs the affected tests every time you save, so you see red or green without switching windows.",
            ["Start your runner in watch mode in a terminal beside the editor: `dotnet watch test`, `npx vitest` / `jest --watch`, `pytest-watch`, `cargo watch -x test`.",
             "Or enable your IDE's continuous testing (Rider/ReSharper continuous testing, Visual Studio Live Unit Testing, VS Code Test Explorer 'auto run').",
             "Keep the watched scope small (one test project or folder) so feedback stays under a few seconds."]),
        new(PreCommitHooks, "Pre-commit hooks", 0.35,
            "Hooks that run formatters, linters and quick checks before each commit, so fix-up commits and 'oops' edits right after committing stop happening.",
            ["Install the `pre-commit` framework (or Husky + lint-staged for JavaScript projects) in the repository.",
             "Add the formatter and linter you already use as hooks; run `pre-commit run --all-files` once to baseline.",
             "Commit the hook configuration so the whole team gets the same checks."]),
        new(Formatter, "An automatic formatter", 0.4,
            "A formatter rewrites code to one consistent style on save, so no time goes into manual layout and diffs only show real changes.",
            ["Add the formatter for the language (see why-it-fits) to the project and commit its configuration file.",
             "Turn on format-on-save in your editor.",
             "Run it once over the whole code base in a separate commit."]),
        new(BatchCommunication, "Batch communication and interruptions", 0.3,
            "Frequent switches between projects and areas break concentration; handling messages, reviews and side tasks in two or three fixed slots a day keeps long stretches free.",
            ["Pick two or three times a day for chat, email and review requests; mute notifications outside them.",
             "Keep a scratch list for side tasks that pop up and pick them up in the next slot instead of switching immediately.",
             "Tell your team your slots so urgent things still reach you."]),
        new(IdeRefactoring, "IDE refactorings for repeated multi-file edits", 0.3,
            "When the same group of files changes together again and again, rename/extract/move refactorings and multi-cursor edits do in one step what is now many manual edits.",
            ["Use rename symbol (F2 in VS Code, Shift+F6 in JetBrains IDEs) instead of editing each file.",
             "Look at the co-edited files: shared code that always changes together may belong in one place.",
             "Learn the IDE's 'change signature' and 'move to file' refactorings."]),
        new(FocusBlocks, "Protected focus blocks", 0.35,
            "Blocks of 60–90 minutes in your calendar with notifications off, spent on one project, are where most deep work happens.",
            ["Book two focus blocks a day in your calendar at your most productive hours (see your heatmap).",
             "Close chat and email during a block; use your OS's focus mode.",
             "Start each block by writing down the one thing you will finish in it."]),
        new(BuildCache, "Incremental builds and a build cache", 0.3,
            "Incremental builds and a local or remote build cache skip work that has not changed, so the build-wait-edit loop gets shorter.",
            ["Make sure builds are incremental (no clean before each build; `dotnet build --no-restore`, Gradle/Maven daemons, `tsc --incremental`).",
             "Turn on a build cache (Gradle build cache, Bazel/Nx/Turborepo remote cache, ccache/sccache for C/C++/Rust).",
             "Build only the project you are working on, not the whole solution."]),
        new(DebuggerBreakpoints, "The debugger instead of print-and-rerun", 0.25,
            "Breakpoints, watches and conditional breakpoints show the program's state directly, instead of adding prints and running again and again.",
            ["Start the app or test under the debugger (F5) instead of running it.",
             "Set a breakpoint where you would have added a print; add a condition to stop only on the interesting case.",
             "Use 'run to cursor' and the watch window to inspect values without editing code."]),
    ];

    /// <summary>The entry with <paramref name="id"/>.</summary>
    public static CatalogEntry Get(string id) =>
        All.FirstOrDefault(e => e.Id == id) ?? throw new KeyNotFoundException($"No catalogue entry '{id}'.");

    /// <summary>Formatters by language name (as editors report them), for the formatter recommendation.</summary>
    public static IReadOnlyDictionary<string, string> Formatters { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["C#"] = "`dotnet format` (or CSharpier)",
        ["TypeScript"] = "Prettier",
        ["JavaScript"] = "Prettier",
        ["Python"] = "Ruff format (or Black)",
        ["Go"] = "gofmt",
        ["Rust"] = "rustfmt",
        ["Java"] = "google-java-format",
        ["Kotlin"] = "ktlint",
        ["Swift"] = "swift-format",
        ["Ruby"] = "RuboCop",
        ["PHP"] = "PHP CS Fixer",
        ["C++"] = "clang-format",
        ["C"] = "clang-format",
        ["Scala"] = "scalafmt",
        ["Elixir"] = "`mix format`",
        ["Dart"] = "`dart format`",
        ["CSS"] = "Prettier",
        ["SCSS"] = "Prettier",
        ["HTML"] = "Prettier",
        ["Terraform"] = "`terraform fmt`",
    };
}

/// <summary>One recommendation in the catalogue.</summary>
/// <param name="Id">Stable id (insight type and the key feedback is learned under).</param>
/// <param name="Name">The tool or practice.</param>
/// <param name="Prior">Assumed acceptance rate before feedback (0..1).</param>
/// <param name="What">What it is.</param>
/// <param name="HowToAdopt">First steps.</param>
public sealed record CatalogEntry(string Id, string Name, double Prior, string What, IReadOnlyList<string> HowToAdopt);
