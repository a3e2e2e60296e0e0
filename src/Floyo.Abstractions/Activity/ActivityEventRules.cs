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

    /// <summary>Longest accepted client event id in characters.</summary>
    public const int MaxClientEventIdLength = 128;

    /// <summary>How far in the future a timestamp may lie (clock skew allowance).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromHours(1);

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

        return CheckText("entity", e.Entity, MaxEntityLength, required: true)
            ?? CheckText("previousEntity", e.PreviousEntity, MaxEntityLength, required: e.Kind == FileEventKind.Renamed)
            ?? CheckText("project", e.Project, MaxNameLength, required: false)
            ?? CheckText("language", e.Language, MaxNameLength, required: false)
            ?? CheckText("editor", e.Editor, MaxNameLength, required: false)
            ?? CheckText("branch", e.Branch, MaxNameLength, required: false)
            ?? CheckText("id", e.ClientEventId, MaxClientEventIdLength, required: false)
            ?? CheckTimestamp(e.Timestamp, now, maxAge);
    }

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

        return value.Any(char.IsControl) ? (field, "Must not contain control characters.") : null;
    }
}
