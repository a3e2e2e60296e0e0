namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// The header of an event body: a varint whose bits 0–3 hold the kind (15: the kind follows as a varint) and whose
/// other bits say which fields follow, in this order after the entity's string id. The fields of most events sit in
/// the low 7 bits (a one-byte header) and those of editor heartbeats in the low 14 (two bytes). Never renumber: stored
/// bodies and migration 0009 depend on it.
/// </summary>
[Flags]
internal enum EventBodyFields : ulong
{
    None = 0,
    KindMask = 0xF,
    Context = 1 << 4,
    ClientEventId = 1 << 5,
    Language = 1 << 6,
    Details = 1 << 7,
    IsWrite = 1 << 8,
    IsWriteTrue = 1 << 9,
    Lines = 1 << 10,
    LineNumber = 1 << 11,
    CursorPosition = 1 << 12,
    PreviousEntity = 1 << 13,
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
