using System.Text.Json;
using System.Text.Json.Serialization;
using Floyo.Silo.Hosting;
using Floyo.Web.Apis;
using Floyo.Web.Apis.WakaTime;
using Floyo.Web.Auth;
using Floyo.Web.Components;
using Floyo.Web.Export;
using Floyo.Web.Hubs;
using Floyo.Web.RateLimiting;
using Floyo.Web.Services;
using Floyo.Silo.DataProtection;
using Floyo.Web.Security;
using Floyo.Web.Services.Demo;
using Floyo.Web.Services.Mail;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Floyo.Web;

/// <summary>Registration and pipeline of the web layer (the backend comes from <see cref="FloyoBackendExtensions"/>).</summary>
public static class WebSetup
{
    public static IHostApplicationBuilder AddFloyoWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<ServiceUnavailableHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<CollectionRefusedHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddFloyoAuthentication();
        services.AddCascadingAuthenticationState();
        services.AddOptions<WebSessionOptions>().Bind(builder.Configuration.GetSection(WebSessionOptions.Section));
        services.AddScoped<AuthenticationStateProvider, CircuitSessionRevalidation>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSignalR().AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));
        services.AddOpenApi();
        services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<ApiRateLimiter>();
        services.AddSingleton<AccountRateLimiter>();
        services.AddFloyoAccountOptions(builder.Configuration);
        builder.AddFloyoDataProtection();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccountService>();
        services.AddSingleton<IdentityService>();
        services.AddSingleton<DevMailbox>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<PrivacyCenterService>();
        services.AddExportSections();
        services.AddSingleton<ExportWriter>();
        services.AddSingleton<ActivityService>();
        services.AddSingleton<SampleDataService>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<InsightService>();
        services.AddSingleton<OnboardingService>();
        services.AddSingleton<LiveUpdatesRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveUpdatesRelay>());
        services.AddSingleton<DashboardService>();
        services.AddScoped<ThemePreference>();
        services.AddScoped<CircuitReconnects>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitReconnects>());

        services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section));
        services.AddSingleton<DemoUser>();
        services.AddHostedService<DemoSeeder>();
        services.AddHostedService<DemoFeed>();
        return builder;
    }

    public static WebApplication UseFloyoWeb(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Floyo:TrustForwardedHeaders"))
        {
            // Behind a TLS-terminating ingress: the scheme (for HSTS and secure cookies) and client IP (rate limits) come from it.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }

        app.UseFloyoSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var rateLimiter = app.Services.GetRequiredService<ApiRateLimiter>();
        app.Use((context, next) => rateLimiter.InvokeAsync(context, next));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseAuditOrigin();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Floyo API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapFloyoOperationalEndpoints();
        app.MapEventsApi();
        app.MapWakaTimeApi();
        app.MapDumpImportApi();
        app.MapSampleDataApi();
        app.MapSettingsApi();
        app.MapPrivacyApi();
        app.MapAuditApi();
        app.MapRetentionApi();
        app.MapAccountApi();
        app.MapExportApi();
        app.MapActivityApi();
        app.MapStatsApi();
        app.MapInsightsApi();
        app.MapRecommendationModelApi();
        app.MapKeysApi();
        app.MapOnboardingApi();
        app.MapAccountEndpoints();
        app.MapHub<LiveHub>(LiveHub.Path);
        // The security headers middleware sends the one Content-Security-Policy (frame-ancestors 'none' included).
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    /// <summary>camelCase names, enums as camelCase strings, nulls omitted: one JSON dialect for HTTP and SignalR.</summary>
    private static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
