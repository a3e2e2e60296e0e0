using System.Text.Json;
using System.Text.Json.Serialization;

namespace Floyo.Agent;

/// <summary>Writes an enum as its camelCase name (reads any case).</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
