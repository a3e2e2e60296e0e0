namespace Floyo.Agent.Events;

/// <summary>
/// One event as queued and sent (camelCase JSON, nulls left out). <see cref="Entity"/> is already redacted by the
/// privacy mode; <see cref="Id"/> is assigned once, when the event is queued, so a resent batch is stored once.
/// <see cref="Count"/> is set on burst summaries only (the server ignores it).
/// </summary>
public sealed record WireEvent(
    string Kind,
    string Entity,
    string Timestamp,
    string? Project,
    string? Language,
    string? Editor,
    string? Branch,
    string? PreviousEntity,
    string Id,
    int? Count = null);
