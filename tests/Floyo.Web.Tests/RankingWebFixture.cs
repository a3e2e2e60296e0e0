using Microsoft.AspNetCore.Hosting;

namespace Floyo.Web.Tests;

/// <summary>
/// The web app with its own (global) ranking model, so shipping a model does not change the ranking other tests see;
/// rankers ask for the shipped version on every ranking.
/// </summary>
public sealed class RankingWebFixture : FloyoWebFixture
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Floyo:Ranking:RefreshPeriod", "00:00:00");
}

[CollectionDefinition(nameof(RankingWebCollection))]
public sealed class RankingWebCollection : ICollectionFixture<RankingWebFixture>;
