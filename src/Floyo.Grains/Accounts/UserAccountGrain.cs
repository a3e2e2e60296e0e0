using Floyo.Email;
using Floyo.Privacy;
using Floyo.Users;
using Microsoft.Extensions.Options;

namespace Floyo.Accounts;

public sealed partial class UserAccountGrain(
    [PersistentState("account", FloyoNames.GrainStorage)] IPersistentState<UserAccountState> state,
    IPasswordHashing passwords,
    IEmailOutbox outbox,
    IAuditLog auditLog,
    IOptions<AccountOptions> options,
    TimeProvider clock) : Grain, IUserAccountGrain
{
    private Guid UserId => this.GetPrimaryKey();

    private bool Exists => state.State.Email is not null;

    private EmailPreferences Preferences => state.State.EmailPreferences ?? EmailPreferences.Default;

    public Task<AccountSummary?> GetAsync() => Task.FromResult(!Exists
        ? null
        : new AccountSummary(UserId, state.State.Email!, state.State.EmailVerifiedAt is not null, Preferences, state.State.CreatedAt));

    public async Task<LoginResult> LoginAsync(string password)
    {
        if (!Exists)
        {
            return new LoginResult(LoginStatus.InvalidCredentials, null, null);
        }

        var now = clock.GetUtcNow();
        var match = passwords.Verify(state.State.PasswordHash!, password);
        if (state.State.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            // Checked (and ignored) all the same, so a locked account answers as slowly as any other password check.
            return new LoginResult(LoginStatus.LockedOut, null, lockedUntil);
        }

        if (match == PasswordMatch.NoMatch)
        {
            return await CountFailureAsync(now);
        }

        if (match == PasswordMatch.Rehash)
        {
            state.State.PasswordHash = passwords.Hash(password);
        }

        state.State.FailedLogins = 0;
        state.State.LockedUntil = null;
        await state.WriteStateAsync();
        if (state.State.EmailVerifiedAt is null)
        {
            return new LoginResult(LoginStatus.EmailNotVerified, null, null);
        }

        await AuditAsync(AuditAction.LoggedIn);
        return new LoginResult(LoginStatus.Succeeded, state.State.SecurityStamp, null);
    }

    public Task<string?> GetSecurityStampAsync() => Task.FromResult(!Exists ? null : state.State.SecurityStamp);

    public async Task SignOutEverywhereAsync()
    {
        if (!Exists)
        {
            return;
        }

        state.State.SecurityStamp = NewStamp();
        await state.WriteStateAsync();
        await AuditAsync(AuditAction.SignedOutEverywhere);
    }

    public async Task RequestPasswordResetAsync()
    {
        if (Exists)
        {
            var link = await NewResetLinkAsync();
            await SendAsync(EmailTemplates.PasswordReset(state.State.Email!, await DisplayNameAsync(), link, options.Value.ResetTokenLifetime));
        }
    }

    public async Task<bool> ResetPasswordAsync(string token, string newPassword)
    {
        if (!Exists || !OneTimeToken.Matches(state.State.ResetTokenHash, token) || clock.GetUtcNow() >= state.State.ResetExpiresAt)
        {
            return false;
        }

        PasswordPolicy.Require(newPassword, state.State.Email!);
        state.State.PasswordHash = passwords.Hash(newPassword);
        state.State.ResetTokenHash = null;
        state.State.FailedLogins = 0;
        state.State.LockedUntil = null;
        state.State.EmailVerifiedAt ??= clock.GetUtcNow();
        state.State.VerificationTokenHash = null;
        state.State.SecurityStamp = NewStamp();
        await state.WriteStateAsync();
        await AuditAsync(AuditAction.PasswordReset);
        return true;
    }

    public async Task<PasswordChangeResult> ChangePasswordAsync(string currentPassword, string newPassword)
    {
        if (!Exists)
        {
            return new PasswordChangeResult(PasswordChangeStatus.NoAccount, null, null);
        }

        PasswordPolicy.Require(newPassword, state.State.Email!);
        var now = clock.GetUtcNow();
        if (state.State.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return new PasswordChangeResult(PasswordChangeStatus.LockedOut, null, lockedUntil);
        }

        if (passwords.Verify(state.State.PasswordHash!, currentPassword) == PasswordMatch.NoMatch)
        {
            var failure = await CountFailureAsync(now, "wrong current password for a password change");
            return failure.Status == LoginStatus.LockedOut
                ? new PasswordChangeResult(PasswordChangeStatus.LockedOut, null, failure.LockedUntil)
                : new PasswordChangeResult(PasswordChangeStatus.WrongPassword, null, null);
        }

        state.State.PasswordHash = passwords.Hash(newPassword);
        state.State.FailedLogins = 0;
        state.State.ResetTokenHash = null;
        state.State.SecurityStamp = NewStamp();
        await state.WriteStateAsync();
        await AuditAsync(AuditAction.PasswordChanged);
        await SendAsync(EmailTemplates.PasswordChanged(state.State.Email!, await DisplayNameAsync(), Link("account/forgot")));
        return new PasswordChangeResult(PasswordChangeStatus.Changed, state.State.SecurityStamp, null);
    }

    public async Task NotifySignUpAttemptAsync()
    {
        if (Exists)
        {
            var link = await NewResetLinkAsync();
            await SendAsync(EmailTemplates.AlreadyRegistered(state.State.Email!, await DisplayNameAsync(), link));
        }
    }

    public async Task<EmailPreferences> UpdateEmailPreferencesAsync(EmailPreferences preferences)
    {
        if (!Exists)
        {
            throw new InvalidOperationException("The account does not exist.");
        }

        state.State.EmailPreferences = preferences;
        await state.WriteStateAsync();
        return preferences;
    }

    public async Task<bool> SendNotificationAsync(NotificationEmail email)
    {
        var wanted = email.Kind switch
        {
            NotificationKind.FirstInsight => Preferences.InsightEmail,
            _ => false,
        };
        if (!Exists || state.State.EmailVerifiedAt is null || !wanted)
        {
            return false;
        }

        await SendAsync(EmailTemplates.FirstInsight(
            state.State.Email!, await DisplayNameAsync(), email.Headline, email.Detail, Link(""), Link("account/profile")));
        return true;
    }

    /// <summary>Account deletion: the address is released (so it can sign up again) and the credentials row goes.</summary>
    public async Task EraseUserDataAsync()
    {
        if (state.State.Email is { } email)
        {
            await GrainFactory.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(email)).ReleaseAsync(UserId);
        }

        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>Credentials are not activity: retention leaves them alone.</summary>
    public Task PurgeBeforeAsync(DateTimeOffset cutoff) => Task.CompletedTask;

    /// <summary>Where every security event goes: the user's audit log, with the origin of the request that caused it.</summary>
    private Task AuditAsync(AuditAction action, string? detail = null) =>
        auditLog.AppendAsync(UserId, clock.GetUtcNow(), action, detail, AuditOrigin.Current);

    private async Task<LoginResult> CountFailureAsync(DateTimeOffset now, string? detail = null)
    {
        state.State.FailedLogins++;
        var locks = state.State.FailedLogins >= options.Value.MaxFailedLogins;
        if (locks)
        {
            state.State.FailedLogins = 0;
            state.State.LockedUntil = now + options.Value.LockoutDuration;
        }

        await state.WriteStateAsync();
        await AuditAsync(AuditAction.LoginFailed, detail);
        if (!locks)
        {
            return new LoginResult(LoginStatus.InvalidCredentials, null, null);
        }

        await AuditAsync(AuditAction.AccountLockedOut, $"until {state.State.LockedUntil:O}");
        if (state.State.EmailVerifiedAt is not null)
        {
            // The sign-in page does not say an account is locked (that would tell anyone the address is registered):
            // its owner learns it here.
            await SendAsync(EmailTemplates.AccountLocked(state.State.Email!, await DisplayNameAsync(), state.State.LockedUntil!.Value, Link("account/forgot")));
        }

        return new LoginResult(LoginStatus.LockedOut, null, state.State.LockedUntil);
    }

    private async Task<Uri> NewResetLinkAsync()
    {
        var token = OneTimeToken.New();
        state.State.ResetTokenHash = OneTimeToken.Hash(token);
        state.State.ResetExpiresAt = clock.GetUtcNow() + options.Value.ResetTokenLifetime;
        await state.WriteStateAsync();
        return Link($"account/reset?user={UserId:D}&token={token}");
    }

    private async Task<string> DisplayNameAsync() =>
        (await GrainFactory.GetGrain<IUserGrain>(UserId).GetProfileAsync())?.DisplayName ?? "there";

    private Task SendAsync(OutgoingEmail email) => outbox.EnqueueAsync(email with { UserId = UserId });

    private Uri Link(string relative) => new(options.Value.PublicUrl.TrimEnd('/') + "/" + relative);

    private static string NewStamp() => OneTimeToken.New();
}
