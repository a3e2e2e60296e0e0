using System.Diagnostics;
using System.Globalization;
using Floyo.Activity;
using Floyo.Silo.Hosting;
using Floyo.Testing;
using Floyo.Users;
using Floyo.Web;
using Floyo.Web.Components.Pages.Dashboard;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Floyo.DashboardBench;

/// <summary>
/// One run: a throwaway PostgreSQL, the real web host (co-hosted silo) on it, one user's history appended straight to
/// the event log, then the dashboard's server work measured cold (first call: pattern grain back-fill, rollups computed
/// and stored) and warm, next to a baseline measured in the same run (reading the user's year from the event log).
/// </summary>
internal sealed class Bench(BenchOptions options, TextWriter output)
{
    public async Task RunAsync()
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("dashboard_bench");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Floyo"] = connectionString,
            ["Floyo:Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Floyo:Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Floyo:Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Error",
        });
        builder.AddFloyoBackend("floyo-dashboard-bench");
        builder.AddFloyoWeb();
        await using var app = builder.Build();
        await app.StartAsync();

        var userId = await app.Services.GetRequiredService<AccountService>().EnsureUserWithKeyAsync(ApiKeyFormat.NewKey(), "Bench user", "bench");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var log = app.Services.GetRequiredService<Floyo.Activity.IEventLog>();
        var activity = app.Services.GetRequiredService<ActivityService>();
        var loaded = await LoadAsync(log, userId, today, () => activity.GetSnapshotAsync(userId));

        var dashboards = app.Services.GetRequiredService<DashboardService>();
        var week = new DashboardFilter(StatsRange.Week);
        var year = new DashboardFilter(StatsRange.Year);
        var project = new DashboardFilter(StatsRange.Year, Project: "floyo");
        var from = new DateTimeOffset(today.AddDays(-options.Days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var baseline = await TimeAsync(async () => (await log.ReadRangeAsync(userId, from, to)).Count);
        output.WriteLine($"baseline: read the user's {baseline.Result:N0} events of {options.Days} days from the event log in {baseline.Ms:0} ms");

        var coldLoad = await TimeAsync(() => FirstLoadAsync(dashboards, userId, week));
        var coldRender = await TimeAsync(() => RenderAsync(app.Services, coldLoad.Result, week));
        var coldYear = await TimeAsync(() => dashboards.LoadAsync(userId, year));
        output.WriteLine($"cold: first dashboard load (7 days) {coldLoad.Ms:0} ms after {timeouts} grain call timeout(s), render {coldRender.Ms:0} ms ({coldRender.Result.Length:N0} chars of HTML); first 12-month load {coldYear.Ms:0} ms");

        var rows = new List<(string Name, double Median, double P95)>();
        foreach (var (name, filter) in new[] { ("7 days", week), ("12 months", year), ("12 months, one project", project) })
        {
            var loads = await RepeatAsync(() => dashboards.LoadAsync(userId, filter));
            var view = await dashboards.LoadAsync(userId, filter);
            var renders = await RepeatAsync(() => RenderAsync(app.Services, view, filter));
            var totals = await RepeatAsync(async () => await RenderAsync(app.Services, await dashboards.LoadAsync(userId, filter), filter));
            rows.Add(($"load ({name})", Median(loads), P95(loads)));
            rows.Add(($"render ({name})", Median(renders), P95(renders)));
            rows.Add(($"load + render ({name})", Median(totals), P95(totals)));
        }

        var reports = app.Services.GetRequiredService<ReportService>();
        var insights = app.Services.GetRequiredService<InsightService>();
        var (weekStart, weekEnd) = week.Days(today);
        var (yearStart, yearEnd) = year.Days(today);
        foreach (var (name, call) in new (string, Func<Task<object>>)[]
        {
            ("call: stats, 7 days", async () => await reports.GetStatsAsync(userId, new Floyo.Reports.StatsQuery(weekStart, weekEnd))),
            ("call: stats, 12 months", async () => await reports.GetStatsAsync(userId, new Floyo.Reports.StatsQuery(yearStart, yearEnd))),
            ("call: stats, 12 months, one project", async () => await reports.GetStatsAsync(userId, new Floyo.Reports.StatsQuery(yearStart, yearEnd, "floyo"))),
            ("call: today's durations", async () => await reports.GetDurationsAsync(userId, today, null, Floyo.Reports.ReportDimension.Projects)),
            ("call: insights", async () => await insights.GetInsightsAsync(userId)),
            ("call: patterns", async () => await insights.GetPatternsAsync(userId)),
            ("call: live snapshot", async () => await activity.GetSnapshotAsync(userId)),
        })
        {
            var times = await RepeatAsync(call);
            rows.Add((name, Median(times), P95(times)));
        }

        var baselines = await RepeatAsync(async () => (await log.ReadRangeAsync(userId, from, to)).Count);
        rows.Add(("baseline: read the year from the log", Median(baselines), P95(baselines)));

        output.WriteLine();
        output.WriteLine($"{loaded:N0} events over {options.Days} days; warm figures: {options.Repeats} repeats after one warm-up, ms");
        output.WriteLine();
        output.WriteLine("| measurement | median ms | p95 ms | median / baseline |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        var denominator = Median(baselines);
        foreach (var (name, median, p95) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:0.0} | {p95:0.0} | {median / denominator:0.000} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| cold: first load (7 days) + render | {coldLoad.Ms + coldRender.Ms:0.0} | | {(coldLoad.Ms + coldRender.Ms) / denominator:0.000} |"));

        // Last, because it removes everything the views above read.
        var deletion = await TimeAsync(() => app.Services.GetRequiredService<PrivacyCenterService>().DeleteAccountAsync(userId));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| account deletion (every store, {loaded:N0} events) | {deletion.Ms:0.0} | | {deletion.Ms / denominator:0.000} |"));
        await app.StopAsync();
    }

    private int timeouts;

    /// <summary>
    /// The first load computes the year's day rollups (streaks and the 4-week baseline look at 365 days), which can take
    /// longer than a grain call may wait (10 s); the computation goes on and is stored, so the load is asked again.
    /// </summary>
    private async Task<DashboardView> FirstLoadAsync(DashboardService dashboards, Guid userId, DashboardFilter filter)
    {
        while (true)
        {
            try
            {
                return await dashboards.LoadAsync(userId, filter);
            }
            catch (TimeoutException)
            {
                timeouts++;
            }
        }
    }

    /// <summary>
    /// Appends the history in batches of 10,000, as the sequencer would (contiguous sequence numbers), and lets the
    /// pattern grain catch up after each batch (<paramref name="catchUp"/>), as it does in service where it applies
    /// events as they arrive. (A pattern grain that first meets 1M unseen events reads them all while activating and
    /// runs out of activation time; see the report.)
    /// </summary>
    private async Task<long> LoadAsync(Floyo.Activity.IEventLog log, Guid userId, DateOnly today, Func<Task> catchUp)
    {
        var clock = Stopwatch.StartNew();
        var patterns = TimeSpan.Zero;
        var batch = new List<SequencedEvent>(10_000);
        long count = 0;
        foreach (var sequenced in History.Generate(options, today.AddDays(-1)))
        {
            batch.Add(sequenced);
            if (batch.Count == batch.Capacity)
            {
                await log.AppendAsync(userId, batch);
                count += batch.Count;
                batch = new List<SequencedEvent>(10_000);
                var caughtUp = Stopwatch.StartNew();
                await catchUp();
                patterns += caughtUp.Elapsed;
            }
        }

        if (batch.Count > 0)
        {
            await log.AppendAsync(userId, batch);
            count += batch.Count;
            await catchUp();
        }

        output.WriteLine($"history: {count:N0} events appended to the event log in {(clock.Elapsed - patterns).TotalSeconds:0.0} s; the pattern grain applied them in {patterns.TotalSeconds:0.0} s (10,000 at a time)");
        return count;
    }

    /// <summary>Renders the dashboard's component tree for a loaded view to HTML, as the circuit's first render does.</summary>
    private static async Task<string> RenderAsync(IServiceProvider services, DashboardView view, DashboardFilter filter)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var live = new DashboardModel();
        live.Load(view.Activity);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(DashboardBody.View)] = view,
                [nameof(DashboardBody.Live)] = live,
                [nameof(DashboardBody.Filter)] = filter,
            });
            return (await renderer.RenderComponentAsync<DashboardBody>(parameters)).ToHtmlString();
        });
    }

    private async Task<List<double>> RepeatAsync<T>(Func<Task<T>> action)
    {
        await action();
        var times = new List<double>(options.Repeats);
        for (var i = 0; i < options.Repeats; i++)
        {
            times.Add((await TimeAsync(action)).Ms);
        }

        return times;
    }

    private static async Task<(T Result, double Ms)> TimeAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var result = await action();
        return (result, clock.Elapsed.TotalMilliseconds);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double P95(List<double> values) => values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(values.Count * 0.95) - 1));
}
