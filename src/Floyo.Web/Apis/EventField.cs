namespace Floyo.Web.Apis;

/// <summary>The properties of one event of <c>POST /api/v1/events</c> that <see cref="EventBatchReader"/> reads.</summary>
internal static class EventField
{
    public static readonly JsonFieldSet Names = new();

    public static readonly JsonField Kind = Names.Add("kind");
    public static readonly JsonField Entity = Names.Add("entity");
    public static readonly JsonField Timestamp = Names.Add("timestamp");
    public static readonly JsonField Project = Names.Add("project");
    public static readonly JsonField Language = Names.Add("language");
    public static readonly JsonField Editor = Names.Add("editor");
    public static readonly JsonField Branch = Names.Add("branch");
    public static readonly JsonField PreviousEntity = Names.Add("previousEntity");
    public static readonly JsonField Id = Names.Add("id", uniqueValues: true);

    public static readonly JsonField Type = Names.Add("type");
    public static readonly JsonField Category = Names.Add("category");
    public static readonly JsonField Plugin = Names.Add("plugin");
    public static readonly JsonField OperatingSystem = Names.Add("operatingSystem");
    public static readonly JsonField Machine = Names.Add("machine");
    public static readonly JsonField IsWrite = Names.Add("isWrite");
    public static readonly JsonField Lines = Names.Add("lines");
    public static readonly JsonField LineNumber = Names.Add("lineno");
    public static readonly JsonField CursorPosition = Names.Add("cursorpos");
    public static readonly JsonField LineAdditions = Names.Add("lineAdditions");
    public static readonly JsonField LineDeletions = Names.Add("lineDeletions");
    public static readonly JsonField AiLineChanges = Names.Add("aiLineChanges");
    public static readonly JsonField HumanLineChanges = Names.Add("humanLineChanges");
    public static readonly JsonField AiInputTokens = Names.Add("aiInputTokens");
    public static readonly JsonField AiOutputTokens = Names.Add("aiOutputTokens");
    public static readonly JsonField AiSession = Names.Add("aiSession");
    public static readonly JsonField Dependencies = Names.Add("dependencies");
    public static readonly JsonField Extension = Names.Add("extension");

    /// <summary>The fields of <see cref="Floyo.Activity.EventDetails"/>: an event with none of them has no details.</summary>
    public static readonly JsonField[] Details =
    [
        Type, Category, Plugin, OperatingSystem, Machine, IsWrite, Lines, LineNumber, CursorPosition, LineAdditions,
        LineDeletions, AiLineChanges, HumanLineChanges, AiInputTokens, AiOutputTokens, AiSession, Dependencies, Extension,
    ];
}
