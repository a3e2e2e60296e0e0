namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// The header of an event body: a varint whose bits 0–4 hold the kind and whose other bits say which fields follow,
/// in this order after the entity's string id. Never renumber: stored bodies and migration 0009 depend on it.
/// </summary>
[Flags]
internal enum EventBodyFields : ulong
{
    None = 0,
    KindMask = 0x1F,
    Context = 1 << 5,
    ClientEventId = 1 << 6,
    PreviousEntity = 1 << 7,
    Details = 1 << 8,
    IsWrite = 1 << 9,
    IsWriteTrue = 1 << 10,
    Lines = 1 << 11,
    LineNumber = 1 << 12,
    CursorPosition = 1 << 13,
    LineAdditions = 1 << 14,
    LineDeletions = 1 << 15,
    AiLineChanges = 1 << 16,
    HumanLineChanges = 1 << 17,
    AiInputTokens = 1 << 18,
    AiOutputTokens = 1 << 19,
    AiSession = 1 << 20,
    Dependencies = 1 << 21,
    Extension = 1 << 22,
}
