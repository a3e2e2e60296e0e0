namespace Floyo.Web.Apis.WakaTime;

/// <summary>
/// Error answers for WakaTime routes: RFC 7807 problem details that also carry WakaTime's <c>error</c> string, so both
/// Floyo's conventions and WakaTime clients are served.
/// </summary>
public static class WakaTimeResults
{
    public static IResult Error(int status, string message) =>
        TypedResults.Problem(detail: message, statusCode: status, extensions: new Dictionary<string, object?> { ["error"] = message });
}
