using Floyo.Accounts;
using Floyo.Users;

namespace Floyo.Web.Services;

/// <summary>
/// Facade over the account grains for sign-up, login, verification, password reset and sessions. Answers never reveal
/// whether an address is registered: sign-up and reset look the same either way (the owner of a taken address gets an
/// email instead), and a login for an unknown address spends the same hashing time as a wrong password.
/// </summary>
public sealed class IdentityService(IGrainFactory grains, IPasswordHashing passwords)
{
    private readonly Lazy<string> timingHash = new(() => passwords.Hash(Guid.NewGuid().ToString("N")));

    /// <summary>
    /// Registers the address (valid, password within policy); when it is taken by an unconfirmed sign-up, this sign-up
    /// replaces it (a new link); when it belongs to a confirmed account, tells its owner by email.
    /// </summary>
    public async Task SignUpAsync(string email, string displayName, string password)
    {
        var index = grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(email));
        var userId = Guid.NewGuid();
        var registration = new AccountRegistration(email, displayName, password);
        if (!await index.ClaimAsync(userId))
        {
            if (await index.ResolveAsync() is { } owner && !await Account(owner).RegisterAsync(registration))
            {
                await Account(owner).NotifySignUpAttemptAsync();
            }

            return;
        }

        try
        {
            await Account(userId).RegisterAsync(registration);
        }
        catch
        {
            await index.ReleaseAsync(userId);
            throw;
        }
    }

    public Task<EmailConfirmationStatus> CheckConfirmationLinkAsync(Guid userId, string token) => Account(userId).CheckConfirmationLinkAsync(token);

    public Task<EmailConfirmationStatus> ConfirmEmailAsync(Guid userId, string token, string password) => Account(userId).ConfirmEmailAsync(token, password);

    /// <summary>Checks the credentials; the user id is set when the address belongs to an account.</summary>
    public async Task<(LoginResult Result, Guid? UserId)> LoginAsync(string email, string password)
    {
        if (await grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(email)).ResolveAsync() is not { } userId)
        {
            passwords.Verify(timingHash.Value, password);
            return (new LoginResult(LoginStatus.InvalidCredentials, null, null), null);
        }

        return (await Account(userId).LoginAsync(password), userId);
    }

    /// <summary>Emails a reset link when the address belongs to an account; does nothing visible otherwise.</summary>
    public async Task RequestPasswordResetAsync(string email)
    {
        if (await grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(email)).ResolveAsync() is { } userId)
        {
            await Account(userId).RequestPasswordResetAsync();
        }
    }

    public Task<bool> ResetPasswordAsync(Guid userId, string token, string newPassword) => Account(userId).ResetPasswordAsync(token, newPassword);

    /// <summary>Changes a signed-in user's password (see <see cref="IUserAccountGrain.ChangePasswordAsync"/>).</summary>
    public Task<PasswordChangeResult> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword) =>
        Account(userId).ChangePasswordAsync(currentPassword, newPassword);

    public Task<string?> GetSecurityStampAsync(Guid userId) => Account(userId).GetSecurityStampAsync();

    public Task SignOutEverywhereAsync(Guid userId) => Account(userId).SignOutEverywhereAsync();

    public Task<AccountSummary?> GetAccountAsync(Guid userId) => Account(userId).GetAsync();

    public Task<EmailPreferences> UpdateEmailPreferencesAsync(Guid userId, EmailPreferences preferences) =>
        Account(userId).UpdateEmailPreferencesAsync(preferences);

    public Task<UserProfile> RenameAsync(Guid userId, string displayName) => grains.GetGrain<IUserGrain>(userId).RenameAsync(displayName);

    private IUserAccountGrain Account(Guid userId) => grains.GetGrain<IUserAccountGrain>(userId);
}
