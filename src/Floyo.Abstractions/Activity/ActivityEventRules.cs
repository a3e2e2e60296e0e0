namespace Floyo.Activity;

/// <summary>
/// The validation contract of <see cref="ActivityEvent"/>, shared by the API (which reports field errors) and the
/// grains (which never store an event that breaks it).
/// </summary>
public static class ActivityEventRules
{
    /// <summary>Longest accepted entity (path) in characters.</summary>
    public const int MaxEntityLength = 1024;

    /// <summary>Longest accepted project, language, editor or branch name in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Most dependencies one event may list.</summary>
    public const int MaxDependencies = 100;

    /// <summary>Longest accepted extension in characters.</summary>
    public const int MaxExtensionLength = 32;

    /// <summary>Longest accepted client event id in characters.</summary>
    public const int MaxClientEventIdLength = 128;

    /// <summary>How far in the future a timestamp may lie (clock skew allowance).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromHours(1);

    /// <summary>The oldest timestamp an import accepts.</summary>
    public static readonly DateTimeOffset OldestImport = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How old a timestamp may be by default; older history comes in through imports.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromDays(30);

    /// <summary>
    /// Checks one event. Returns null when it is valid, else the offending field (JSON name) and a message.
    /// </summary>
    public static (string Field, string Message)? Validate(ActivityEvent e, DateTimeOffset now, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!Enum.IsDefined(e.Kind))
        {
            return ("kind", "Unknown kind.");
        }

        if (e.Kind == ActivityKind.Renamed && e.PreviousEntity is null)
        {
            return ("previousEntity", "Is required.");
        }

        return CheckText("entity", e.Entity, MaxEntityLength, required: true)
            ?? CheckText("previousEntity", e.PreviousEntity, MaxEntityLength, required: false)
            ?? CheckText("project", e.Project, MaxNameLength, required: false)
            ?? CheckText("language", e.Language, MaxNameLength, required: false)
            ?? CheckText("editor", e.Editor, MaxNameLength, required: false)
            ?? CheckText("branch", e.Branch, MaxNameLength, required: false)
            ?? CheckText("id", e.ClientEventId, MaxClientEventIdLength, required: false)
            ?? CheckTimestamp(e.Timestamp, now, maxAge)
            ?? (e.Details is null ? null : CheckDetails(e.Details));
    }

    private static (string, string)? CheckDetails(EventDetails d)
    {
        if (!Enum.IsDefined(d.Type))
        {
            return ("type", "Unknown type.");
        }

        if (d.Category is not null && ActivityCategories.Normalize(d.Category) != d.Category)
        {
            return ("category", $"Must be one of: {string.Join(", ", ActivityCategories.All)}.");
        }

        return CheckText("plugin", d.Plugin, MaxNameLength, required: false)
            ?? CheckText("operatingSystem", d.OperatingSystem, MaxNameLength, required: false)
            ?? CheckText("machine", d.Machine, MaxNameLength, required: false)
            ?? CheckText("aiSession", d.AiSession, MaxNameLength, required: false)
            ?? CheckText("extension", d.Extension, MaxExtensionLength, required: false)
            ?? CheckNotNegative("lines", d.Lines)
            ?? CheckNotNegative("lineno", d.LineNumber)
            ?? CheckNotNegative("cursorpos", d.CursorPosition)
            ?? CheckNotNegative("lineAdditions", d.LineAdditions)
            ?? CheckNotNegative("lineDeletions", d.LineDeletions)
            ?? CheckNotNegative("aiInputTokens", d.AiInputTokens)
            ?? CheckNotNegative("aiOutputTokens", d.AiOutputTokens)
            ?? CheckDependencies(d.Dependencies);
    }

    private static (string, string)? CheckDependencies(IReadOnlyList<string>? dependencies)
    {
        if (dependencies is null)
        {
            return null;
        }

        if (dependencies.Count > MaxDependencies)
        {
            return ("dependencies", $"At most {MaxDependencies} dependencies.");
        }

        return dependencies.Select(d => CheckText("dependencies", d, MaxNameLength, required: true)).FirstOrDefault(error => error is not null);
    }

    private static (string, string)? CheckNotNegative(string field, long? value) =>
        value < 0 ? (field, "Must not be negative.") : null;

    private static (string, string)? CheckTimestamp(DateTimeOffset timestamp, DateTimeOffset now, TimeSpan maxAge)
    {
        if (timestamp > now + MaxFutureSkew)
        {
            return ("timestamp", $"Must not be more than {MaxFutureSkew.TotalMinutes:0} minutes in the future.");
        }

        return timestamp < now - maxAge
            ? ("timestamp", $"Must not be older than {maxAge.TotalDays:0} days.")
            : null;
    }

    private static (string, string)? CheckText(string field, string? value, int maxLength, bool required)
    {
        if (value is null)
        {
            return required ? (field, "Is required.") : null;
        }

        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            return (field, "Must not be empty or blank.");
        }

        if (value.Length > maxLength)
        {
            return (field, $"Must be at most {maxLength} characters.");
        }

        return HasControlCharacter(value) ? (field, "Must not contain control characters.") : null;
    }

    private static bool HasControlCharacter(string value)
    {
        foreach (var c in value.AsSpan())
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
