using System.Globalization;
using System.Text.Json;

namespace Floyo.Web.Apis;

/// <summary>
/// Typed reads of the objects of one batch, with field-level errors (<see cref="FieldException"/>). <see cref="Load"/>
/// reads an object's properties in one pass into the slots of a <see cref="JsonFieldSet"/>: unknown properties are
/// ignored and a repeated name keeps its last value, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// finds it. The accessors read the slots; <c>null</c> is the same as absent. String values of one batch go through one
/// <see cref="JsonStringCache"/>. In lenient mode (WakaTime clients), numbers may arrive as numeric strings and booleans
/// as "true"/"false". Dispose it with the batch, before the batch's <see cref="JsonDocument"/>.
/// </summary>
public sealed class JsonFields(JsonFieldSet names, bool lenient) : IDisposable
{
    /// <summary>Timestamps and numeric strings up to this length are parsed without allocating a string.</summary>
    private const int MaxStackChars = 64;

    private readonly JsonElement[] values = new JsonElement[names.Count];
    private readonly JsonStringCache strings = new();

    /// <summary>Makes <paramref name="item"/>, which must be a JSON object, the object the accessors read.</summary>
    public void Load(JsonElement item)
    {
        Array.Clear(values);
        try
        {
            foreach (var property in item.EnumerateObject())
            {
                if (names.SlotOf(property) is var slot and >= 0)
                {
                    values[slot] = property.Value;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // An escaped name that is not valid text (a lone surrogate, "\ud800") cannot be compared.
            throw new FieldException("$", "A property name is not valid UTF-8 text.");
        }
    }

    /// <summary>The value as sent (including <c>null</c>); <c>default</c> (<see cref="JsonValueKind.Undefined"/>) when absent.</summary>
    public JsonElement Raw(JsonField field) => values[field.Slot];

    /// <summary>Whether any of the fields has a value other than <c>null</c>.</summary>
    public bool HasAny(ReadOnlySpan<JsonField> fields)
    {
        foreach (var field in fields)
        {
            if (TryGet(field, out _))
            {
                return true;
            }
        }

        return false;
    }

    public string Required(JsonField field) => String(field) ?? throw new FieldException(field.Name, "Is required.");

    public string? String(JsonField field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => Text(field, value),
            JsonValueKind.Number when lenient => value.GetRawText(),
            _ => throw new FieldException(field.Name, $"Must be a string, not {Describe(value)}."),
        };
    }

    public int? Int(JsonField field)
    {
        var number = Number(field);
        return number is null ? null
            : number is >= int.MinValue and <= int.MaxValue ? (int)Math.Truncate(number.Value)
            : throw new FieldException(field.Name, "Is out of range.");
    }

    public long? Long(JsonField field)
    {
        var number = Number(field);
        return number is null ? null
            : number is >= long.MinValue and <= long.MaxValue ? (long)Math.Truncate(number.Value)
            : throw new FieldException(field.Name, "Is out of range.");
    }

    public bool? Bool(JsonField field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when lenient:
                Span<char> buffer = stackalloc char[MaxStackChars];
                if (bool.TryParse(Chars(field, value, buffer), out var parsed))
                {
                    return parsed;
                }

                break;
            case JsonValueKind.Number when lenient && value.TryGetInt32(out var flag) && flag is 0 or 1:
                return flag == 1;
        }

        throw new FieldException(field.Name, $"Must be true or false, not {Describe(value)}.");
    }

    public IReadOnlyList<string>? Strings(JsonField field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException(field.Name, $"Must be an array of strings, not {Describe(value)}.");
        }

        var list = new string[value.GetArrayLength()];
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            list[index++] = element.ValueKind == JsonValueKind.String
                ? Text(field, element)
                : throw new FieldException(field.Name, "Must contain only strings.");
        }

        return list;
    }

    /// <summary>An ISO 8601 date-time (with offset; UTC assumed without one) or Unix seconds (fractions allowed).</summary>
    public DateTimeOffset? Timestamp(JsonField field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && JsonStringValue.TryParseRoundTripUtc(value, out var roundTrip))
        {
            return roundTrip;
        }

        Span<char> buffer = stackalloc char[MaxStackChars];
        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(Chars(field, value, buffer), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        var seconds = value.ValueKind == JsonValueKind.Number || lenient ? TryNumber(field, value, buffer) : null;
        if (seconds is > 0 and < 253402300799)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds.Value * 1000));
        }

        throw new FieldException(field.Name, "Must be an ISO 8601 date-time (e.g. 2026-11-26T10:00:00Z) or Unix seconds.");
    }

    public void Dispose() => strings.Dispose();

    private double? Number(JsonField field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        if (lenient && value.ValueKind == JsonValueKind.String)
        {
            Span<char> buffer = stackalloc char[MaxStackChars];
            var text = Chars(field, value, buffer);
            if (text.IsWhiteSpace())
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
            {
                return parsed;
            }
        }

        throw new FieldException(field.Name, $"Must be a number, not {Describe(value)}.");
    }

    private bool TryGet(JsonField field, out JsonElement value)
    {
        value = values[field.Slot];
        return value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
    }

    private static double? TryNumber(JsonField field, JsonElement value, Span<char> buffer) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n) ? n
        : value.ValueKind == JsonValueKind.String && double.TryParse(Chars(field, value, buffer), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s
        : null;

    /// <summary>
    /// A string value as text. <see cref="JsonDocument"/> checks a string's UTF-8 (and its escapes) only when it is read,
    /// and then throws <see cref="InvalidOperationException"/>: that is the client's bad field, not a server error.
    /// </summary>
    private string Text(JsonField field, JsonElement value)
    {
        try
        {
            return field.UniqueValues ? value.GetString()! : strings.Get(value);
        }
        catch (InvalidOperationException)
        {
            throw NotText(field);
        }
    }

    /// <summary>A string value's characters (<see cref="JsonStringValue.Chars"/>), with the same check as <see cref="Text"/>.</summary>
    private static ReadOnlySpan<char> Chars(JsonField field, JsonElement value, Span<char> buffer)
    {
        try
        {
            return JsonStringValue.Chars(value, buffer);
        }
        catch (InvalidOperationException)
        {
            throw NotText(field);
        }
    }

    private static FieldException NotText(JsonField field) => new(field.Name, "Must be valid UTF-8 text.");

    private static string Describe(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();
}

/// <summary>A field of one item could not be read; the item is rejected with this field and message.</summary>
public sealed class FieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
