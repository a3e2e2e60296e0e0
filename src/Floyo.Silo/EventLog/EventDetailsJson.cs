using System.Text.Json;
using System.Text.Json.Serialization;
using Floyo.Activity;

namespace Floyo.Silo.EventLog;

/// <summary>How <see cref="EventDetails"/> is stored in the event log's <c>details</c> column.</summary>
public static class EventDetailsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public static string Serialize(EventDetails details) => JsonSerializer.Serialize(details, Options);

    public static EventDetails Deserialize(string json) =>
        JsonSerializer.Deserialize<EventDetails>(json, Options) ?? throw new JsonException("The details column holds null.");
}
