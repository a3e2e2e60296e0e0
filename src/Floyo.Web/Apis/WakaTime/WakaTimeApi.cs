using Floyo.Web.Auth;

namespace Floyo.Web.Apis.WakaTime;

/// <summary>
/// WakaTime compatibility: every editor plugin (through wakatime-cli) reports to Floyo unchanged. Routes live under
/// <c>/api/v1</c> (point <c>api_url</c> there) and under Wakapi's <c>/api/compat/wakatime/v1</c> alias;
/// <c>users/{user}</c> accepts <c>current</c>, <c>me</c> or the caller's own id, and nobody else's.
/// </summary>
public static class WakaTimeApi
{
    public static readonly string[] Prefixes = ["/api/v1", "/api/compat/wakatime/v1"];

    public static IEndpointRouteBuilder MapWakaTimeApi(this IEndpointRouteBuilder endpoints)
    {
        foreach (var prefix in Prefixes)
        {
            var api = endpoints.MapGroup(prefix).RequireAuthorization(FloyoAuthentication.ApiKeyPolicy).WithTags("WakaTime");
            var alias = prefix != Prefixes[0];
            var nameSuffix = alias ? "Compat" : "";
            var user = api.MapGroup("/users/{user}").AddEndpointFilter(OwnUserOnly);
            user.MapHeartbeats(nameSuffix).MapReports(nameSuffix).MapUserInfo(nameSuffix);
            api.MapPluginErrors(nameSuffix);
            if (alias)
            {
                api.WithGroupName("wakatime-compat").ExcludeFromDescription();
            }
        }

        return endpoints;
    }

    private static async ValueTask<object?> OwnUserOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var requested = context.HttpContext.GetRouteValue("user") as string;
        var caller = context.HttpContext.User.GetUserId();
        var isSelf = requested is "current" or "me" || (Guid.TryParse(requested, out var id) && id == caller);
        return isSelf ? await next(context) : WakaTimeResults.Error(StatusCodes.Status404NotFound, "No such user.");
    }
}
