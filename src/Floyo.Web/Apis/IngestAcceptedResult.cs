using System.Text.Json;
using Floyo.Activity;

namespace Floyo.Web.Apis;

/// <summary>
/// The 202 answer of <c>POST /api/v1/events</c>, in the <see cref="IngestResponse"/> shape (camelCase, nulls left out),
/// written straight from the items the reader refused and the grain's <see cref="IngestReceipt"/> for the rest: a batch
/// of thousands of events would otherwise make two objects per event only to serialize them.
/// </summary>
internal sealed class IngestAcceptedResult(IReadOnlyList<BatchItem> items, IngestReceipt stored) : IResult
{
    private const int FlushBytes = 16 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status202Accepted;
        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.BodyWriter);
        var (accepted, duplicates, rejected) = Count();
        json.WriteStartObject();
        json.WriteNumber("accepted"u8, accepted);
        json.WriteNumber("duplicates"u8, duplicates);
        json.WriteNumber("rejected"u8, rejected);
        json.WriteStartArray("results"u8);
        var next = 0;
        for (var i = 0; i < items.Count; i++)
        {
            // An item the reader refused has its error; the others take the grain's results in order.
            var result = items[i].Error;
            var sequence = result is null ? stored.SequenceAt(next++, out result) : 0;
            if (result is null)
            {
                WriteItem(json, i, "accepted"u8, sequence);
            }
            else
            {
                WriteItem(json, i, result);
            }

            if (json.BytesPending > FlushBytes)
            {
                await json.FlushAsync(httpContext.RequestAborted);
                await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(httpContext.RequestAborted);
    }

    private (int Accepted, int Duplicates, int Rejected) Count()
    {
        var (duplicates, rejected) = (0, 0);
        foreach (var result in items.Select(i => i.Error).OfType<IngestItemResult>().Concat(stored.Others))
        {
            duplicates += result.Outcome == IngestOutcome.Duplicate ? 1 : 0;
            rejected += result.Outcome == IngestOutcome.Rejected ? 1 : 0;
        }

        return (stored.Accepted, duplicates, rejected);
    }

    private static void WriteItem(Utf8JsonWriter json, int index, IngestItemResult result)
    {
        var status = result.Outcome switch
        {
            IngestOutcome.Accepted => "accepted"u8,
            IngestOutcome.Duplicate => "duplicate"u8,
            _ => "rejected"u8,
        };
        WriteItem(json, index, status, result.Sequence, result.Field, result.Error);
    }

    private static void WriteItem(
        Utf8JsonWriter json, int index, ReadOnlySpan<byte> status, long? sequence, string? field = null, string? error = null)
    {
        json.WriteStartObject();
        json.WriteNumber("index"u8, index);
        json.WriteString("status"u8, status);
        if (sequence is { } number)
        {
            json.WriteNumber("sequence"u8, number);
        }

        if (field is not null)
        {
            json.WriteString("field"u8, field);
        }

        if (error is not null)
        {
            json.WriteString("error"u8, error);
        }

        json.WriteEndObject();
    }
}
