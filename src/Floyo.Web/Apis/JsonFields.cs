using System.Globalization;
using System.Text.Json;

namespace Floyo.Web.Apis;

/// <summary>
/// Typed reads of one JSON object's fields with field-level errors (<see cref="FieldException"/>). In lenient mode
/// (WakaTime clients), numbers may arrive as numeric strings and booleans as "true"/"false".
/// </summary>
public readonly struct JsonFields(JsonElement item, bool lenient)
{
    public bool Has(string name) => item.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string Required(string name) => String(name) ?? throw new FieldException(name, "Is required.");

    public string? String(string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when lenient => value.GetRawText(),
            _ => throw new FieldException(name, $"Must be a string, not {Describe(value)}."),
        };
    }

    public int? Int(string name)
    {
        var number = Number(name);
        return number is null ? null
            : number is >= int.MinValue and <= int.MaxValue ? (int)Math.Truncate(number.Value)
            : throw new FieldException(name, "Is out of range.");
    }

    public long? Long(string name)
    {
        var number = Number(name);
        return number is null ? null
            : number is >= long.MinValue and <= long.MaxValue ? (long)Math.Truncate(number.Value)
            : throw new FieldException(name, "Is out of range.");
    }

    public double? Number(string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        if (lenient && value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
            {
                return parsed;
            }
        }

        throw new FieldException(name, $"Must be a number, not {Describe(value)}.");
    }

    public bool? Bool(string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when lenient && bool.TryParse(value.GetString(), out var parsed) => parsed,
            JsonValueKind.Number when lenient && value.TryGetInt32(out var flag) && flag is 0 or 1 => flag == 1,
            _ => throw new FieldException(name, $"Must be true or false, not {Describe(value)}."),
        };
    }

    public IReadOnlyList<string>? Strings(string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException(name, $"Must be an array of strings, not {Describe(value)}.");
        }

        return [.. value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new FieldException(name, "Must contain only strings."))];
    }

    /// <summary>An ISO 8601 date-time (with offset; UTC assumed without one) or Unix seconds (fractions allowed).</summary>
    public DateTimeOffset? Timestamp(string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        var seconds = value.ValueKind == JsonValueKind.Number || lenient ? TryNumber(value) : null;
        if (seconds is > 0 and < 253402300799)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds.Value * 1000));
        }

        throw new FieldException(name, "Must be an ISO 8601 date-time (e.g. 2026-11-26T10:00:00Z) or Unix seconds.");
    }

    private static double? TryNumber(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n) ? n
        : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s
        : null;

    private static string Describe(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();
}

/// <summary>A field of one item could not be read; the item is rejected with this field and message.</summary>
public sealed class FieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
