using System.Globalization;
using System.Text;

namespace Floyo.LoadGen;

/// <summary>The numbers of one run, printed for people and as a docs/BENCHMARKS.md table row.</summary>
public sealed record RunReport(
    LoadGenOptions Options,
    long Accepted,
    TimeSpan WallTime,
    long Requests,
    long FailedRequests,
    IReadOnlyDictionary<string, int> Failures,
    long Rejected,
    long Duplicates,
    double ApiP50,
    double ApiP95,
    double ApiP99,
    double ApiMax,
    PushLatency Push,
    PushLatency InsightsPush,
    int ListenerDisconnects,
    int? WebWarnings,
    CpuUsage Cpu,
    IReadOnlyList<CopyResult> Copies)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public double EventsPerSecond => Accepted / Math.Max(WallTime.TotalSeconds, 1e-9);

    /// <summary>Failed requests plus rejected events' share of what was sent, as a fraction.</summary>
    public double ErrorRate => Requests == 0 ? 0 : (FailedRequests + ((double)Rejected / Options.BatchSize)) / Requests;

    /// <summary>True when everything sent was accepted and every push arrived: what <c>--smoke</c> requires.</summary>
    public bool AllWentThrough => Accepted > 0 && FailedRequests == 0 && Rejected == 0 && Push.Missing == 0 && ListenerDisconnects == 0
        && (Options.Listeners == 0 || Push.Expected > 0);

    public string ToText()
    {
        var text = new StringBuilder();
        var o = Options;
        var load = o.Rate is { } rate ? string.Create(Invariant, $"open loop at {rate:0} events/s") : "closed loop";
        text.AppendLine(Invariant, $"Run: {o.Mode} {(o.Mode == TargetMode.SelfHost ? o.Storage.ToString() : "")}, {o.Users} user(s) × {o.InFlightPerUser} in flight, batch {o.BatchSize}, {o.Listeners} listener(s), {load}");
        text.AppendLine(Invariant, $"API:     {Accepted:N0} events accepted in {WallTime.TotalSeconds:0.00} s = {EventsPerSecond:N0} events/s");
        text.AppendLine(Invariant, $"         {Requests:N0} requests, {FailedRequests} failed{FailureList()}, {Rejected} events rejected, {Duplicates} duplicates; error rate {ErrorRate:P2}");
        text.AppendLine(Invariant, $"Latency: API p50 {ApiP50:0.0} ms, p95 {ApiP95:0.0} ms, p99 {ApiP99:0.0} ms, max {ApiMax:0.0} ms");
        text.AppendLine(Invariant, $"Push:    ingest→push p50 {Push.P50:0.0} ms, p99 {Push.P99:0.0} ms, max {Push.Max:0.0} ms over {Push.Expected:N0} (listener, event) pairs; missing {Push.Missing:N0}, before the 202 {Push.BeforeAck:N0}, disconnects {ListenerDisconnects}");
        text.AppendLine(Invariant, $"Insights: ingest→insights push p50 {InsightsPush.P50:0.0} ms, p99 {InsightsPush.P99:0.0} ms, max {InsightsPush.Max:0.0} ms; not covered by an insights push {InsightsPush.Missing:N0} of {InsightsPush.Expected:N0}");
        text.AppendLine(Invariant, $"CPU:     {Cpu}");
        foreach (var copy in Copies)
        {
            text.AppendLine(Invariant, $"Baseline: {copy.Name}: {copy.Rows:N0} rows in {copy.Elapsed.TotalSeconds:0.00} s = {copy.EventsPerSecond:N0} events/s; API ÷ this = {EventsPerSecond / copy.EventsPerSecond:0.00}");
        }

        if (WebWarnings is { } warnings)
        {
            text.AppendLine(Invariant, $"Web:     {warnings} warning/error log line(s)");
        }

        text.AppendLine("Markdown: " + ToMarkdownRow());
        return text.ToString();
    }

    /// <summary>| mode | users | listeners | events/s | ÷ COPY 100 | ÷ one COPY | API p50/p95/p99 | push p50/p99 | insights p50/p99 | errors |</summary>
    public string ToMarkdownRow()
    {
        var o = Options;
        var mode = o.Mode == TargetMode.External ? "external" : o.Storage.ToString().ToLowerInvariant();
        var rate = o.Rate is { } r ? string.Create(Invariant, $" @{r:0}/s") : "";
        var copy100 = Copies.FirstOrDefault(c => c.Name.StartsWith("COPY", StringComparison.Ordinal));
        var copyOnce = Copies.FirstOrDefault(c => c.Name.StartsWith("one", StringComparison.Ordinal));
        return string.Create(Invariant,
            $"| {mode}{rate} | {o.Users} | {o.Listeners} | {EventsPerSecond:N0} | {Ratio(copy100)} | {Ratio(copyOnce)} | {ApiP50:0.0} / {ApiP95:0.0} / {ApiP99:0.0} | {Push.P50:0.0} / {Push.P99:0.0} | {InsightsPush.P50:0.0} / {InsightsPush.P99:0.0} | {ErrorRate:P2} ({FailedRequests} req, {Push.Missing} pushes missing) |");
    }

    /// <summary>API ÷ COPY; an open-loop run offers a fixed rate, so its ratio says nothing about capacity and is left out.</summary>
    private string Ratio(CopyResult? copy) =>
        copy is null || Options.Rate is not null
            ? "–"
            : string.Create(Invariant, $"{EventsPerSecond / copy.EventsPerSecond:0.00} ({copy.EventsPerSecond:N0}/s)");

    private string FailureList() =>
        Failures.Count == 0 ? "" : " (" + string.Join(", ", Failures.Select(f => $"{f.Key}: {f.Value}")) + ")";
}
