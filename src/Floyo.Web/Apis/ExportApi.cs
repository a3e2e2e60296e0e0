using System.Globalization;
using System.Security.Claims;
using Floyo.Privacy;
using Floyo.Web.Auth;
using Floyo.Web.Export;
using Floyo.Web.Services;

namespace Floyo.Web.Apis;

/// <summary>
/// The caller's complete data export, streamed: <c>GET /api/v1/export?format=json|csv</c> with an API key, and
/// <c>GET /account/export?format=…</c> for the signed-in web UI (a download link; a GET changes nothing but the audit
/// log, and the session cookie is SameSite=Strict). Every export is audited.
/// </summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder endpoints)
    {
        const string description =
            "format=json (default): one JSON document with a property per section (profile, settings, privacy, apiKeys, events, insights, auditLog). " +
            "format=csv: a zip with one CSV file per section (header row, RFC 4180, UTF-8). Streamed: events are read and written page by page.";
        endpoints.MapGet("/api/v1/export", ExportAsync)
            .RequireAuthorization(FloyoAuthentication.ApiKeyPolicy)
            .WithTags("Privacy")
            .WithName("ExportData")
            .WithSummary("Download everything Floyo keeps about the caller")
            .WithDescription(description)
            .ProducesValidationProblem();
        endpoints.MapGet("/account/export", ExportAsync)
            .RequireAuthorization()
            .WithName("ExportDataFromBrowser")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ClaimsPrincipal user, ExportWriter writer, AuditService audit, TimeProvider clock, string? format = null)
    {
        if (!TryParse(format, out var chosen))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Must be json or csv."] });
        }

        var userId = user.GetUserId();
        await audit.RecordAsync(userId, AuditAction.DataExported, chosen == ExportFormat.Json ? "json" : "csv (zip)");
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        var cancellationToken = http.RequestAborted;
        if (chosen == ExportFormat.Json)
        {
            response.ContentType = "application/json; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"floyo-export-{stamp}.json\"";
            await writer.WriteJsonAsync(userId, response.BodyWriter, cancellationToken);
        }
        else
        {
            response.ContentType = "application/zip";
            response.Headers.ContentDisposition = $"attachment; filename=\"floyo-export-{stamp}.zip\"";
            await writer.WriteCsvZipAsync(userId, response.Body, cancellationToken);
        }

        return TypedResults.Empty;
    }

    private static bool TryParse(string? format, out ExportFormat chosen)
    {
        chosen = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv : ExportFormat.Json;
        return format is null || chosen == ExportFormat.Csv || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
    }
}
