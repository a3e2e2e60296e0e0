using System.Security.Cryptography;
using System.Text.Json;
using Floyo.Activity;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.Features;

namespace Floyo.Web.Apis.WakaTime;

/// <summary>
/// <c>POST /api/v1/imports/wakatime</c>: loads a WakaTime data dump (the heartbeats JSON export, <c>{"days": [{"date",
/// "heartbeats": [...]}]}</c>, or a plain array of heartbeats) into the caller's history, including days older than
/// the live ingest window. The same dump imported twice is stored once.
/// </summary>
public static class DumpImportApi
{
    /// <summary>Largest dump accepted in one request; split bigger exports by date range.</summary>
    public const int MaxDumpBytes = 64 * 1024 * 1024;

    private const int ChunkSize = 1000;
    private const int ReportedErrors = 50;

    public static IEndpointRouteBuilder MapDumpImportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/imports/wakatime", ImportAsync)
            .RequireAuthorization(FloyoAuthentication.ApiKeyPolicy)
            .WithTags("Imports")
            .WithName("ImportWakaTimeDump")
            .WithSummary("Import a WakaTime data dump")
            .WithDescription($"The heartbeats JSON export from WakaTime (at most {MaxDumpBytes / 1024 / 1024} MiB). Heartbeats back to 2000-01-01 are accepted. Answers totals and the first {ReportedErrors} per-heartbeat errors.")
            .Produces<ImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, ActivityService activity, AccountService accounts, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxDumpBytes + 1;
        }

        using var body = await LimitedBody.ReadAsync(http.Request, MaxDumpBytes, cancellationToken);
        if (body is null)
        {
            return WakaTimeResults.Error(StatusCodes.Status413PayloadTooLarge, $"A dump must be at most {MaxDumpBytes} bytes; split the export by date range.");
        }

        var userId = http.User.GetUserId();
        var hash = Convert.ToHexStringLower(SHA256.HashData(body.Value.Span));
        if (await accounts.HasImportedAsync(userId, hash))
        {
            return Results.Ok(new ImportResponse(0, 0, 0, 0, AlreadyImported: true, []));
        }

        List<BatchItem> items;
        try
        {
            using var document = JsonDocument.Parse(body.Value, new JsonDocumentOptions { MaxDepth = 16 });
            items = HeartbeatReader.ReadAll(Heartbeats(document.RootElement), null, null);
        }
        catch (JsonException ex)
        {
            return WakaTimeResults.Error(StatusCodes.Status400BadRequest, $"The dump is not valid JSON: {ex.Message}");
        }
        catch (FormatException ex)
        {
            return WakaTimeResults.Error(StatusCodes.Status400BadRequest, ex.Message);
        }

        // The events are read out of the body; its (possibly large) pooled buffer is not needed while they are stored.
        body.Dispose();
        var response = await StoreAsync(activity, userId, items);
        await accounts.RecordImportAsync(userId, hash);
        return Results.Ok(response);
    }

    private static IEnumerable<JsonElement> Heartbeats(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray();
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("days", out var days) && days.ValueKind == JsonValueKind.Array)
        {
            return days.EnumerateArray()
                .Where(day => day.ValueKind == JsonValueKind.Object && day.TryGetProperty("heartbeats", out var h) && h.ValueKind == JsonValueKind.Array)
                .SelectMany(day => day.GetProperty("heartbeats").EnumerateArray());
        }

        throw new FormatException("Expected WakaTime's heartbeats export ({\"days\": [{\"heartbeats\": [...]}]}) or an array of heartbeats.");
    }

    private static async Task<ImportResponse> StoreAsync(ActivityService activity, Guid userId, List<BatchItem> items)
    {
        var (imported, duplicates, rejected) = (0, 0, 0);
        var errors = new List<ImportError>();
        for (var offset = 0; offset < items.Count; offset += ChunkSize)
        {
            var chunk = items.GetRange(offset, Math.Min(ChunkSize, items.Count - offset));
            var valid = chunk.Where(i => i.Event is not null).Select(i => i.Event!).ToList();
            var stored = valid.Count > 0 ? await activity.ImportAsync(userId, valid) : IngestReceipt.Empty;
            var next = 0;
            for (var i = 0; i < chunk.Count; i++)
            {
                var result = chunk[i].Error ?? stored[next++];
                imported += result.Outcome == IngestOutcome.Accepted ? 1 : 0;
                duplicates += result.Outcome == IngestOutcome.Duplicate ? 1 : 0;
                if (result.Outcome == IngestOutcome.Rejected && ++rejected <= ReportedErrors)
                {
                    errors.Add(new ImportError(offset + i, HeartbeatReader.WireName(result.Field ?? "heartbeat"), result.Error ?? "Invalid."));
                }
            }
        }

        return new ImportResponse(items.Count, imported, duplicates, rejected, AlreadyImported: false, errors);
    }
}

/// <summary>What an import did: heartbeats read, stored, already present, rejected (with the first errors).</summary>
public sealed record ImportResponse(int Heartbeats, int Imported, int Duplicates, int Rejected, bool AlreadyImported, IReadOnlyList<ImportError> Errors);

/// <summary>One rejected heartbeat: its position in the dump (0-based, across days), the field and the reason.</summary>
public sealed record ImportError(int Index, string Field, string Error);
