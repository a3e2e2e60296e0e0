using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Floyo.Web.Apis;

/// <summary>Reads a JSON string value (<see cref="JsonValueKind.String"/>) without allocating a string where it can.</summary>
internal static class JsonStringValue
{
    private const int RoundTripUtcLength = 28;

    /// <summary>
    /// The round-trip ("O") form of a UTC time that .NET clients send (<c>2026-11-26T10:00:00.0000000Z</c>), read from its
    /// UTF-8 bytes to the value <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, DateTimeStyles, out DateTimeOffset)"/>
    /// gives, in a fraction of its time; any other form is left to that.
    /// </summary>
    public static bool TryParseRoundTripUtc(JsonElement value, out DateTimeOffset parsed)
    {
        var utf8 = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        parsed = default;
        return utf8.Length == RoundTripUtcLength && utf8[^1] == (byte)'Z'
            && Utf8Parser.TryParse(utf8, out parsed, out var consumed, 'O') && consumed == RoundTripUtcLength
            && parsed.Offset == TimeSpan.Zero;
    }

    /// <summary>
    /// A string value's characters: decoded into <paramref name="buffer"/> when it has no escapes and fits, otherwise
    /// read by <see cref="JsonElement.GetString"/> (so invalid UTF-8 throws just as it does there).
    /// </summary>
    public static ReadOnlySpan<char> Chars(JsonElement value, Span<char> buffer)
    {
        var utf8 = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        return !utf8.Contains((byte)'\\')
            && Utf8.ToUtf16(utf8, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
            ? buffer[..written]
            : value.GetString().AsSpan();
    }
}
