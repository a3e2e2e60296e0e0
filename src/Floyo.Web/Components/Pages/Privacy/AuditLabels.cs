using Floyo.Privacy;

namespace Floyo.Web.Components.Pages.Privacy;

/// <summary>Audit actions in plain words for the privacy center.</summary>
public static class AuditLabels
{
    public static string Of(AuditAction action) => action switch
    {
        AuditAction.ConsentGranted => "Consent given",
        AuditAction.ConsentWithdrawn => "Consent withdrawn",
        AuditAction.TrackingPaused => "Tracking paused",
        AuditAction.TrackingResumed => "Tracking resumed",
        AuditAction.ApiKeyCreated => "API key created",
        AuditAction.ApiKeyRevoked => "API key revoked",
        AuditAction.DataExported => "Data exported",
        AuditAction.RetentionChanged => "Retention changed",
        AuditAction.EventsPurged => "Old events purged",
        AuditAction.AccountDeletionRequested => "Account deletion requested",
        AuditAction.SignedUp => "Signed up",
        AuditAction.LoggedIn => "Signed in",
        AuditAction.LoginFailed => "Failed sign-in",
        AuditAction.LoggedOut => "Signed out",
        AuditAction.SignedOutEverywhere => "Signed out everywhere",
        AuditAction.PasswordChanged => "Password changed",
        AuditAction.PasswordReset => "Password reset",
        AuditAction.EmailVerified => "Email verified",
        AuditAction.AccountLockedOut => "Account locked",
        AuditAction.EmailChanged => "Email changed",
        _ => action.ToString(),
    };
}
