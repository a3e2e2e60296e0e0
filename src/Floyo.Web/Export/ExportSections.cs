using System.Runtime.CompilerServices;
using Floyo.Web.Services;

namespace Floyo.Web.Export;

/// <summary>The sections every export has, in this order; other features add theirs with <c>AddSingleton&lt;IExportSection, …&gt;</c>.</summary>
public static class ExportSections
{
    public static IServiceCollection AddExportSections(this IServiceCollection services) => services
        .AddSingleton<IExportSection, ProfileSection>()
        .AddSingleton<IExportSection, SettingsSection>()
        .AddSingleton<IExportSection, PrivacySection>()
        .AddSingleton<IExportSection, ApiKeysSection>()
        .AddSingleton<IExportSection, EventsSection>()
        .AddSingleton<IExportSection, InsightsSection>()
        .AddSingleton<IExportSection, AuditLogSection>();

    private static async IAsyncEnumerable<object?[]> One(Task<object?[]?> row)
    {
        if (await row is { } values)
        {
            yield return values;
        }
    }

    private sealed class ProfileSection(AccountService accounts) : IExportSection
    {
        public string Name => "profile";

        public IReadOnlyList<string> Columns { get; } = ["userId", "displayName", "createdAt"];

        public bool SingleRow => true;

        public IAsyncEnumerable<object?[]> ReadAsync(Guid userId, CancellationToken cancellationToken) => One(RowAsync(userId));

        private async Task<object?[]?> RowAsync(Guid userId) =>
            await accounts.GetProfileAsync(userId) is { } p ? [p.UserId, p.DisplayName, p.CreatedAt] : null;
    }

    private sealed class SettingsSection(AccountService accounts) : IExportSection
    {
        public string Name => "settings";

        public IReadOnlyList<string> Columns { get; } = ["timeZone", "keystrokeTimeoutMinutes"];

        public bool SingleRow => true;

        public IAsyncEnumerable<object?[]> ReadAsync(Guid userId, CancellationToken cancellationToken) => One(RowAsync(userId));

        private async Task<object?[]?> RowAsync(Guid userId) =>
            await accounts.GetSettingsAsync(userId) is var s ? [s.TimeZone, (int)s.KeystrokeTimeout.TotalMinutes] : null;
    }

    private sealed class PrivacySection(AccountService accounts, PrivacyCenterService privacy) : IExportSection
    {
        public string Name => "privacy";

        public IReadOnlyList<string> Columns { get; } = ["consented", "consentedAt", "policyVersion", "paused", "pausedAt", "retentionDays"];

        public bool SingleRow => true;

        public IAsyncEnumerable<object?[]> ReadAsync(Guid userId, CancellationToken cancellationToken) => One(RowAsync(userId));

        private async Task<object?[]?> RowAsync(Guid userId)
        {
            var status = await accounts.GetPrivacyAsync(userId);
            var retention = await privacy.GetRetentionAsync(userId);
            return [status.Consented, status.ConsentedAt, status.PolicyVersion, status.Paused, status.PausedAt, (int)retention.Period];
        }
    }

    /// <summary>Metadata only: a key's hash never leaves the server, and the key itself was never stored.</summary>
    private sealed class ApiKeysSection(AccountService accounts) : IExportSection
    {
        public string Name => "apiKeys";

        public IReadOnlyList<string> Columns { get; } = ["keyId", "label", "hint", "createdAt", "revokedAt"];

        public bool SingleRow => false;

        public async IAsyncEnumerable<object?[]> ReadAsync(Guid userId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var k in await accounts.ListApiKeysAsync(userId))
            {
                yield return [k.KeyId, k.Label, k.Hint, k.CreatedAt, k.RevokedAt];
            }
        }
    }

    /// <summary>Read page by page from the event log: one page in memory at a time, however long the log.</summary>
    private sealed class EventsSection(PrivacyCenterService privacy) : IExportSection
    {
        public string Name => "events";

        public IReadOnlyList<string> Columns { get; } = [.. EventFields.All.Select(f => f.Name)];

        public bool SingleRow => false;

        public async IAsyncEnumerable<object?[]> ReadAsync(Guid userId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var e in privacy.ReadEventsAsync(userId, cancellationToken: cancellationToken))
            {
                yield return [.. EventFields.All.Select(f => f.Read(e))];
            }
        }
    }

    private sealed class InsightsSection(InsightService insights) : IExportSection
    {
        public string Name => "insights";

        public IReadOnlyList<string> Columns { get; } = ["id", "type", "severity", "title", "summary", "status", "snoozedUntil", "asOf"];

        public bool SingleRow => false;

        public async IAsyncEnumerable<object?[]> ReadAsync(Guid userId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var i in (await insights.GetInsightsAsync(userId)).Insights)
            {
                yield return [i.Id, i.Type, i.Severity.ToString(), i.Title, i.Summary, i.Status.ToString(), i.SnoozedUntil, i.AsOf];
            }
        }
    }

    private sealed class AuditLogSection(AuditService audit) : IExportSection
    {
        public string Name => "auditLog";

        public IReadOnlyList<string> Columns { get; } = ["id", "at", "action", "detail", "origin"];

        public bool SingleRow => false;

        public async IAsyncEnumerable<object?[]> ReadAsync(Guid userId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            long? before = null;
            do
            {
                var page = await audit.ReadAsync(userId, before, Privacy.IAuditGrain.MaxPageSize);
                foreach (var e in page.Entries)
                {
                    yield return [e.Id, e.At, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Action.ToString()), e.Detail, e.Origin];
                }

                before = page.NextBefore;
            }
            while (before is not null);
        }
    }
}
