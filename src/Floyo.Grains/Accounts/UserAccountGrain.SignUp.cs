using Floyo.Email;
using Floyo.Privacy;
using Floyo.Users;

namespace Floyo.Accounts;

/// <summary>Sign-up and email confirmation: an address is only confirmed by someone holding both the latest link and the
/// password chosen in the sign-up that sent it.</summary>
public sealed partial class UserAccountGrain
{
    public async Task<bool> RegisterAsync(AccountRegistration registration)
    {
        if (state.State.EmailVerifiedAt is not null)
        {
            return false;
        }

        PasswordPolicy.Require(registration.Password, registration.Email);
        var again = Exists;
        var user = GrainFactory.GetGrain<IUserGrain>(UserId);
        if (again)
        {
            // Nobody could sign in to an unconfirmed account, so the latest sign-up simply takes its place, and the
            // audit entries of the earlier one (its origin: someone else's address, perhaps) go with it.
            await user.RenameAsync(registration.DisplayName);
            await auditLog.EraseUserAsync(UserId);
        }
        else
        {
            await user.EnsureCreatedAsync(registration.DisplayName);
            state.State.CreatedAt = clock.GetUtcNow();
            state.State.SecurityStamp = NewStamp();
        }

        var token = OneTimeToken.New();
        state.State.Email = registration.Email.Trim();
        state.State.PasswordHash = passwords.Hash(registration.Password);
        state.State.VerificationTokenHash = OneTimeToken.Hash(token);
        state.State.VerificationExpiresAt = clock.GetUtcNow() + options.Value.VerificationTokenLifetime;
        state.State.FailedLogins = 0;
        state.State.LockedUntil = null;
        await state.WriteStateAsync();
        await SendAsync(EmailTemplates.Verification(state.State.Email, registration.DisplayName, Link($"account/verify?user={UserId:D}&token={token}")));
        await AuditAsync(AuditAction.SignedUp, again ? "signed up again before confirming: the earlier sign-up and its links are gone" : null);
        return true;
    }

    public Task<EmailConfirmationStatus> CheckConfirmationLinkAsync(string token) => Task.FromResult(LinkStatus(token));

    public async Task<EmailConfirmationStatus> ConfirmEmailAsync(string token, string password)
    {
        if (LinkStatus(token) is not EmailConfirmationStatus.Pending and var status)
        {
            return status;
        }

        var now = clock.GetUtcNow();
        var match = passwords.Verify(state.State.PasswordHash!, password);
        if (state.State.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return EmailConfirmationStatus.LockedOut;
        }

        if (match == PasswordMatch.NoMatch)
        {
            var failure = await CountFailureAsync(now, "wrong password on the email confirmation page");
            return failure.Status == LoginStatus.LockedOut ? EmailConfirmationStatus.LockedOut : EmailConfirmationStatus.WrongPassword;
        }

        if (match == PasswordMatch.Rehash)
        {
            state.State.PasswordHash = passwords.Hash(password);
        }

        state.State.EmailVerifiedAt = now;
        state.State.VerificationTokenHash = null;
        state.State.FailedLogins = 0;
        await state.WriteStateAsync();
        await AuditAsync(AuditAction.EmailVerified);
        await AuditAsync(AuditAction.LoggedIn);
        if (Preferences.ProductEmail)
        {
            await SendAsync(EmailTemplates.Welcome(state.State.Email!, await DisplayNameAsync(), Link(""), Link("account/profile")));
        }

        return EmailConfirmationStatus.Confirmed;
    }

    private EmailConfirmationStatus LinkStatus(string token) =>
        !Exists ? EmailConfirmationStatus.InvalidLink
        : state.State.EmailVerifiedAt is not null ? EmailConfirmationStatus.AlreadyConfirmed
        : OneTimeToken.Matches(state.State.VerificationTokenHash, token) && clock.GetUtcNow() < state.State.VerificationExpiresAt ? EmailConfirmationStatus.Pending
        : EmailConfirmationStatus.InvalidLink;
}
