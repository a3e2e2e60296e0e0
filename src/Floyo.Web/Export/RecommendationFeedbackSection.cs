using System.Runtime.CompilerServices;
using Floyo.Insights;
using Floyo.Web.Services;

namespace Floyo.Web.Export;

/// <summary>The user's accepts and dismisses of recommendations with the features and prior score the ranking model
/// learns from: one column per feature (camelCase of its name).</summary>
internal sealed class RecommendationFeedbackSection(InsightService insights) : IExportSection
{
    public string Name => "recommendationFeedback";

    public IReadOnlyList<string> Columns { get; } =
        ["type", "accepted", "at", "prior", .. UserFeatures.Names.Select(CamelCase)];

    public bool SingleRow => false;

    /// <summary><c>switches-per-hour</c> → <c>switchesPerHour</c>.</summary>
    private static string CamelCase(string kebab) =>
        string.Concat(kebab.Split('-').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    public async IAsyncEnumerable<object?[]> ReadAsync(Guid userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var f in await insights.GetFeedbackLogAsync(userId))
        {
            yield return [f.Type, f.Accepted, f.At, f.Prior, .. UserFeatures.Names.Select(n => f.Features.TryGetValue(n, out var v) ? (object?)v : null)];
        }
    }
}
