namespace Floyo.Accounts;

/// <summary>
/// A user's identity and credentials, keyed by the user id (the same id as <see cref="Users.IUserGrain"/>, which keeps
/// the profile, privacy and API keys): the email address, the password hash, email verification, lockout, the
/// security stamp that invalidates sessions, and email preferences. Sign-up, verification, logins, failed logins,
/// lockouts, password changes and resets and "sign out everywhere" are recorded in the user's audit log (<see cref="Privacy.IAuditGrain"/>).
/// </summary>
[Alias("floyo.IUserAccountGrain")]
public interface IUserAccountGrain : Privacy.IUserDataGrain
{
    /// <summary>
    /// Creates the account (and the user's profile) and emails a confirmation link. The caller must have claimed the
    /// email address in <see cref="IEmailIndexGrain"/> for this user first. While the address is not confirmed, a new
    /// sign-up for it takes the place of the previous one (name, password, a new link; earlier links stop working), so
    /// nobody can hold an address they cannot confirm. False when the account exists with a confirmed address.
    /// </summary>
    [Alias("register")]
    Task<bool> RegisterAsync(AccountRegistration registration);

    /// <summary>The account, or null when none exists for this user.</summary>
    [Alias("get")]
    Task<AccountSummary?> GetAsync();

    /// <summary>Whether <paramref name="token"/> is the current, unexpired confirmation link (<see cref="EmailConfirmationStatus.Pending"/>).</summary>
    [Alias("check-confirmation-link")]
    Task<EmailConfirmationStatus> CheckConfirmationLinkAsync(string token);

    /// <summary>
    /// Confirms the address when <paramref name="token"/> is the current link and <paramref name="password"/> is the one
    /// chosen in the sign-up that sent it: holding the link proves the mailbox, the password proves the sign-up, so a
    /// stranger's sign-up with someone else's address is never confirmed by its owner opening the link (the owner takes
    /// the address over with a password reset instead). A wrong password counts towards lockout. On
    /// <see cref="EmailConfirmationStatus.Confirmed"/> the caller signs the user in; the welcome email goes out (opt-out).
    /// </summary>
    [Alias("confirm-email")]
    Task<EmailConfirmationStatus> ConfirmEmailAsync(string token, string password);

    /// <summary>
    /// Checks a password, counting failures towards lockout. Locked accounts answer <see cref="LoginStatus.LockedOut"/>
    /// whatever the password (after spending the same hashing time). The failure that locks the account emails its
    /// owner (verified addresses only): callers must answer a locked account like a wrong password, so that lockout
    /// does not reveal that an address is registered.
    /// </summary>
    [Alias("login")]
    Task<LoginResult> LoginAsync(string password);

    /// <summary>The current security stamp (null when there is no account). A session carrying another stamp is invalid.</summary>
    [Alias("security-stamp")]
    Task<string?> GetSecurityStampAsync();

    /// <summary>Replaces the security stamp, which ends every session of the user at its next request.</summary>
    [Alias("sign-out-everywhere")]
    Task SignOutEverywhereAsync();

    /// <summary>Emails a password reset link (always essential mail). Does nothing when there is no account.</summary>
    [Alias("request-reset")]
    Task RequestPasswordResetAsync();

    /// <summary>
    /// Sets a new password when <paramref name="token"/> is the current, unexpired reset token (used once). Clears
    /// lockout, verifies the email (the link proved access to it) and replaces the security stamp.
    /// </summary>
    [Alias("reset-password")]
    Task<bool> ResetPasswordAsync(string token, string newPassword);

    /// <summary>
    /// Changes the password of a signed-in user who knows the current one. A new password that breaks the policy throws
    /// <see cref="ArgumentException"/> before anything is checked; a wrong current password counts towards lockout like a
    /// failed login; a locked account changes nothing. On success the security stamp is replaced (every session ends at
    /// its next request; the caller re-issues its own with the returned stamp), the change is audited and the owner is
    /// emailed (essential mail, with the way to reset the password if it was not them).
    /// </summary>
    [Alias("change-password")]
    Task<PasswordChangeResult> ChangePasswordAsync(string currentPassword, string newPassword);

    /// <summary>Emails the owner that someone tried to sign up with their address (essential: it carries a reset link).</summary>
    [Alias("notify-signup-attempt")]
    Task NotifySignUpAttemptAsync();

    /// <summary>Changes which non-essential email the user receives.</summary>
    [Alias("update-email-preferences")]
    Task<EmailPreferences> UpdateEmailPreferencesAsync(EmailPreferences preferences);

    /// <summary>
    /// Queues a non-essential email (e.g. the first insight) when the user has a verified address and has not opted
    /// out of its kind. True when queued. This is the entry point for other features that email users.
    /// </summary>
    [Alias("send-notification")]
    Task<bool> SendNotificationAsync(NotificationEmail email);
}
