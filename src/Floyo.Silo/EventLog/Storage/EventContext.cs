using System.Globalization;
using System.Text;
using Floyo.Activity;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// The descriptors that rarely change from one event to the next: project, editor, branch and, from the details,
/// category, entity type, plugin, operating system and machine. A user's log stores each distinct combination once in
/// the string dictionary, as <c>[project,editor,branch,category,type,plugin,os,machine]</c> where the strings are
/// themselves string ids (or <c>null</c>) and the type is its number, e.g. <c>[3,5,null,7,0,8,9,10]</c>; each event
/// refers to it by id. The language is not part of it: it changes with every file, so it would multiply the
/// combinations; it is a string id of its own in the body.
/// </summary>
internal sealed record EventContext(
    string? Project, string? Editor, string? Branch,
    string? Category, EntityType Type, string? Plugin, string? OperatingSystem, string? Machine)
{
    private const int Length = 8;
    private const int TypeIndex = 4;

    /// <summary>The event's context as stored (interning its strings), or null when it has none (no descriptor set).</summary>
    public static string? Format(ActivityEvent e, IStringIds strings)
    {
        var d = e.Details;
        if (e.Project is null && e.Editor is null && e.Branch is null
            && d is null or { Category: null, Type: EntityType.File, Plugin: null, OperatingSystem: null, Machine: null })
        {
            return null;
        }

        var text = new StringBuilder("[");
        foreach (var value in new[] { e.Project, e.Editor, e.Branch, d?.Category })
        {
            Append(text, value, strings).Append(',');
        }

        text.Append(((short)(d?.Type ?? EntityType.File)).ToString(CultureInfo.InvariantCulture));
        foreach (var value in new[] { d?.Plugin, d?.OperatingSystem, d?.Machine })
        {
            Append(text.Append(','), value, strings);
        }

        return text.Append(']').ToString();
    }

    /// <summary>Reads a stored context; its strings have smaller ids than the context itself, so they are loaded.</summary>
    public static EventContext Parse(string stored, UserDictionary strings)
    {
        var parts = stored.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != Length)
        {
            throw new FormatException($"A stored event context does not have {Length} values: {stored}");
        }

        string? Value(int index) => parts[index] == "null" ? null : strings.Value(int.Parse(parts[index], CultureInfo.InvariantCulture));
        return new EventContext(
            Value(0), Value(1), Value(2), Value(3), (EntityType)short.Parse(parts[TypeIndex], CultureInfo.InvariantCulture), Value(5), Value(6), Value(7));
    }

    /// <summary>The descriptors a context is made of, compared by value (ordinal strings).</summary>
    internal readonly record struct Key(
        string? Project, string? Editor, string? Branch,
        string? Category, EntityType Type, string? Plugin, string? OperatingSystem, string? Machine)
    {
        public static Key Of(ActivityEvent e) => new(
            e.Project, e.Editor, e.Branch, e.Details?.Category, e.Details?.Type ?? EntityType.File,
            e.Details?.Plugin, e.Details?.OperatingSystem, e.Details?.Machine);
    }

    private static StringBuilder Append(StringBuilder text, string? value, IStringIds strings) =>
        value is null ? text.Append("null") : text.Append(strings.IdOf(value).ToString(CultureInfo.InvariantCulture));
}
