using System.Net;
using System.Net.Http.Json;
using Floyo.Accounts;
using Floyo.Privacy;
using Floyo.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Web.Tests.Accounts;

/// <summary>Changing the password while signed in, on the profile page and through the API: the current password is
/// required, other sessions end, the change is audited and the owner is emailed.</summary>
public sealed class PasswordChangeTests(SmtpWebFixture fixture) : IClassFixture<SmtpWebFixture>
{
    private const string Password = "correct horse battery staple";
    private const string NewPassword = "a different long passphrase";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static (string, string)[] Change(string current, string replacement) => [("PasswordChange.Current", current), ("PasswordChange.New", replacement)];

    [Fact]
    public async Task ProfileForm_WithTheCurrentPassword_ChangesItKeepsThisSessionEndsOthersAuditsAndEmails()
    {
        var email = await fixture.CreateVerifiedAccountAsync(Password);
        using var laptop = new FormSession(fixture.BaseAddress);
        using var phone = new FormSession(fixture.BaseAddress);
        await laptop.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));
        await phone.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));

        var wrong = await laptop.SubmitAsync("/account/profile", "change-password", Change("not my password at all", NewPassword));
        var weak = await laptop.SubmitAsync("/account/profile", "change-password", Change(Password, "password123"));
        var changed = await laptop.SubmitAsync("/account/profile", "change-password", Change(Password, NewPassword));
        var laptopAfter = await laptop.GetAsync("/account/profile");
        var phoneAfter = await phone.GetAsync("/account/profile");
        using var fresh = new FormSession(fixture.BaseAddress);
        var oldLogin = await fresh.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));
        var newLogin = await fresh.SubmitAsync("/account/signin", "login", FormSession.Login(email, NewPassword));
        var notice = await fixture.Smtp.WaitForMessageAsync(email);
        var audit = await AuditAsync(email);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("Your current password is not right.", wrong.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, weak.Status);
        Assert.Contains("too common", weak.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Contains("data-testid=\"password-changed\"", changed.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, laptopAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
        Assert.StartsWith("/account/signin", phoneAfter.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, oldLogin.Status);
        Assert.Equal(HttpStatusCode.Redirect, newLogin.Status);
        Assert.Equal("Your Floyo password was changed", notice.Subject);
        Assert.Contains(new Uri(fixture.BaseAddress, "/account/forgot").ToString(), notice.TextBody, StringComparison.Ordinal);
        Assert.Equal(
            [AuditAction.LoggedIn, AuditAction.LoginFailed, AuditAction.PasswordChanged, AuditAction.LoginFailed,
             AuditAction.LoggedIn, AuditAction.LoggedIn, AuditAction.LoggedIn, AuditAction.EmailVerified, AuditAction.SignedUp],
            audit.Select(e => e.Action));
        Assert.Equal("wrong current password for a password change", audit[3].Detail);
        Assert.StartsWith("127.0.0.1", audit[2].Origin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_NeedsTheCurrentPasswordAndAValidNewOne_ThenChangesIt()
    {
        var email = await fixture.CreateVerifiedAccountAsync(Password);
        var key = await KeyOfAsync(email);
        using var http = fixture.Http(key);

        var missing = await http.PutAsJsonAsync("/api/v1/account/password", new { }, Cancel);
        var garbage = await http.PutAsync("/api/v1/account/password", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Cancel);
        var wrongTypes = await http.PutAsync("/api/v1/account/password", new StringContent("{\"currentPassword\": 7, \"newPassword\": []}", System.Text.Encoding.UTF8, "application/json"), Cancel);
        var wrong = await http.PutAsJsonAsync("/api/v1/account/password", new { currentPassword = "not my password at all", newPassword = NewPassword }, Cancel);
        var weak = await http.PutAsJsonAsync("/api/v1/account/password", new { currentPassword = Password, newPassword = email }, Cancel);
        var changed = await http.PutAsJsonAsync("/api/v1/account/password", new { currentPassword = Password, newPassword = NewPassword }, Cancel);
        using var session = new FormSession(fixture.BaseAddress);
        var oldLogin = await session.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));
        var newLogin = await session.SubmitAsync("/account/signin", "login", FormSession.Login(email, NewPassword));
        var keyStillWorks = await http.GetAsync("/api/v1/privacy", Cancel);

        var problem = await ProblemAssert.IsAsync(missing, HttpStatusCode.BadRequest);
        Assert.Equal(["currentPassword", "newPassword"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await ProblemAssert.IsAsync(garbage, HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(wrongTypes, HttpStatusCode.BadRequest);
        Assert.Equal("The current password does not match.", await ProblemAssert.HasFieldErrorAsync(wrong, HttpStatusCode.BadRequest, "currentPassword"));
        Assert.Equal("Do not use your email address as your password.", await ProblemAssert.HasFieldErrorAsync(weak, HttpStatusCode.BadRequest, "newPassword"));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldLogin.Status);
        Assert.Equal(HttpStatusCode.Redirect, newLogin.Status);
        Assert.Equal(HttpStatusCode.OK, keyStillWorks.StatusCode);
        Assert.Contains(AuditAction.PasswordChanged, (await AuditAsync(email)).Select(e => e.Action));
    }

    [Fact]
    public async Task Api_AfterFiveWrongCurrentPasswords_LocksTheAccountLikeFailedLogins()
    {
        var email = await fixture.CreateVerifiedAccountAsync(Password);
        using var http = fixture.Http(await KeyOfAsync(email));

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await http.PutAsJsonAsync("/api/v1/account/password", new { currentPassword = "wrong password " + i, newPassword = NewPassword }, Cancel));
        }

        var right = await http.PutAsJsonAsync("/api/v1/account/password", new { currentPassword = Password, newPassword = NewPassword }, Cancel);
        using var session = new FormSession(fixture.BaseAddress);
        var login = await session.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));

        Assert.All(answers[..4], a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        Assert.Equal("Account locked", (await ProblemAssert.IsAsync(answers[4], HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        Assert.Equal("Account locked", (await ProblemAssert.IsAsync(right, HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, login.Status);
        Assert.Contains("do not match an account", login.Body, StringComparison.Ordinal); // the right password, refused: locked
    }

    [Fact]
    public async Task Api_ForAUserMadeForAnApiKeyOnly_AnswersNotFound()
    {
        var (_, key) = await fixture.CreateUserAsync();

        var answer = await fixture.Http(key).PutAsJsonAsync("/api/v1/account/password", new { currentPassword = Password, newPassword = NewPassword }, Cancel);

        Assert.Equal("No password", (await ProblemAssert.IsAsync(answer, HttpStatusCode.NotFound)).GetProperty("title").GetString());
    }

    private async Task<Guid> UserIdOfAsync(string email) =>
        (await fixture.Grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(email)).ResolveAsync())!.Value;

    private async Task<string> KeyOfAsync(string email) =>
        (await fixture.Services.GetRequiredService<AccountService>().CreateApiKeyAsync(await UserIdOfAsync(email), "script")).Key;

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string email) =>
        (await fixture.Grains.GetGrain<IAuditGrain>(await UserIdOfAsync(email)).ReadAsync(null, 20)).Entries;
}
