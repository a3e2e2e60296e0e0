namespace Floyo.Agent.Events;

/// <summary>A language for common file extensions (null for the rest).</summary>
public static class LanguageTable
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".cs"] = "C#", [".csx"] = "C#", [".razor"] = "Razor", [".cshtml"] = "Razor", [".fs"] = "F#", [".fsx"] = "F#",
        [".vb"] = "Visual Basic", [".csproj"] = "MSBuild", [".props"] = "MSBuild", [".targets"] = "MSBuild", [".sln"] = "Solution",
        [".ts"] = "TypeScript", [".tsx"] = "TypeScript", [".js"] = "JavaScript", [".jsx"] = "JavaScript", [".mjs"] = "JavaScript",
        [".cjs"] = "JavaScript", [".vue"] = "Vue", [".svelte"] = "Svelte", [".html"] = "HTML", [".htm"] = "HTML", [".css"] = "CSS",
        [".scss"] = "SCSS", [".less"] = "Less", [".py"] = "Python", [".ipynb"] = "Jupyter", [".go"] = "Go", [".rs"] = "Rust",
        [".java"] = "Java", [".kt"] = "Kotlin", [".kts"] = "Kotlin", [".scala"] = "Scala", [".groovy"] = "Groovy",
        [".gradle"] = "Gradle", [".rb"] = "Ruby", [".php"] = "PHP", [".c"] = "C", [".h"] = "C", [".cpp"] = "C++", [".cc"] = "C++",
        [".cxx"] = "C++", [".hpp"] = "C++", [".m"] = "Objective-C", [".swift"] = "Swift", [".dart"] = "Dart", [".lua"] = "Lua",
        [".r"] = "R", [".jl"] = "Julia", [".ex"] = "Elixir", [".exs"] = "Elixir", [".erl"] = "Erlang", [".hs"] = "Haskell",
        [".ml"] = "OCaml", [".clj"] = "Clojure", [".sh"] = "Shell", [".bash"] = "Shell", [".zsh"] = "Shell", [".ps1"] = "PowerShell",
        [".sql"] = "SQL", [".md"] = "Markdown", [".rst"] = "reStructuredText", [".json"] = "JSON", [".yaml"] = "YAML",
        [".yml"] = "YAML", [".toml"] = "TOML", [".xml"] = "XML", [".proto"] = "Protocol Buffers", [".tf"] = "Terraform",
        [".dockerfile"] = "Docker", [".txt"] = "Text",
    };

    public static string? For(string path)
    {
        if (Path.GetFileName(path) is "Dockerfile")
        {
            return "Docker";
        }

        if (Path.GetFileName(path) is "Makefile")
        {
            return "Makefile";
        }

        return ByExtension.GetValueOrDefault(Path.GetExtension(path));
    }
}
