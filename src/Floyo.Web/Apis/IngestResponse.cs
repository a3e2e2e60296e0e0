namespace Floyo.Web.Apis;

/// <summary>The answer to <c>POST /api/v1/events</c>: totals and one result per submitted event, in order.</summary>
public sealed record IngestResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<IngestItemResponse> Results);

/// <summary>
/// One event's result. <c>status</c> is <c>accepted</c>, <c>duplicate</c> (stored before under the same id; nothing new
/// written) or <c>rejected</c> (with <c>field</c> and <c>error</c>).
/// </summary>
public sealed record IngestItemResponse(int Index, string Status, long? Sequence, string? Field, string? Error);

/// <summary>The request body of <c>POST /api/v1/events</c> (documented shape; the endpoint reads it leniently per item).</summary>
public sealed record EventBatchRequest(IReadOnlyList<EventInput> Events);

/// <summary>One file event as sent by a client.</summary>
/// <param name="Kind">created, modified, deleted, renamed or opened.</param>
/// <param name="Entity">The file path (or a redacted form), at most 1024 characters.</param>
/// <param name="Timestamp">ISO 8601 with offset, or Unix seconds; within the last 30 days and at most 1 hour ahead.</param>
/// <param name="Project">Optional, at most 200 characters (as are language, editor and branch).</param>
/// <param name="Language">Optional language.</param>
/// <param name="Editor">Optional editor.</param>
/// <param name="Branch">Optional branch.</param>
/// <param name="PreviousEntity">Required for renamed: the old path.</param>
/// <param name="Id">Optional client event id (at most 128 characters): a retried event with the same id is stored once.</param>
public sealed record EventInput(
    string Kind, string Entity, string Timestamp, string? Project, string? Language, string? Editor, string? Branch, string? PreviousEntity, string? Id);
