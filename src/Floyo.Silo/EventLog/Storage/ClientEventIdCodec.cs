using System.Text;
using Floyo.Activity.Codecs;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// Stores a client event id in as few bytes as the two common forms allow, and any other id exactly: a varint tag,
/// then 0 → a lowercase UUID in its 36-character form (16 bytes follow, big-endian as written), 1 → a WakaTime
/// heartbeat id, <c>wt:</c> + 24 base64 characters (the 18 bytes follow), n ≥ 2 → n − 2 bytes of UTF-8.
/// Migration 0009 encodes legacy ids the same way in SQL.
/// </summary>
internal static class ClientEventIdCodec
{
    private const ulong UuidTag = 0;
    private const ulong WakaTimeTag = 1;
    private const ulong Utf8Base = 2;
    private const string WakaTimePrefix = "wt:";
    private const int WakaTimeBytes = 18;

    public static void Write(VarintWriter writer, string id)
    {
        if (id.Length == 36 && Guid.TryParseExact(id, "D", out var uuid) && uuid.ToString("D") == id)
        {
            writer.WriteVarUInt(UuidTag);
            uuid.TryWriteBytes(writer.GetSpan(16), bigEndian: true, out _);
            writer.Advance(16);
            return;
        }

        if (id.Length == WakaTimePrefix.Length + 24 && id.StartsWith(WakaTimePrefix, StringComparison.Ordinal))
        {
            Span<byte> hash = stackalloc byte[WakaTimeBytes];
            if (Convert.TryFromBase64Chars(id.AsSpan(WakaTimePrefix.Length), hash, out var written) && written == WakaTimeBytes
                && Convert.ToBase64String(hash) == id[WakaTimePrefix.Length..])
            {
                writer.WriteVarUInt(WakaTimeTag);
                writer.WriteBytes(hash);
                return;
            }
        }

        var utf8 = Encoding.UTF8.GetBytes(id);
        writer.WriteVarUInt(Utf8Base + (ulong)utf8.Length);
        writer.WriteBytes(utf8);
    }

    public static string Read(ref VarintReader reader)
    {
        var tag = reader.ReadVarUInt();
        return tag switch
        {
            UuidTag => new Guid(reader.ReadBytes(16), bigEndian: true).ToString("D"),
            WakaTimeTag => WakaTimePrefix + Convert.ToBase64String(reader.ReadBytes(WakaTimeBytes)),
            _ => Encoding.UTF8.GetString(reader.ReadBytes(checked((int)(tag - Utf8Base)))),
        };
    }
}
