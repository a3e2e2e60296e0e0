using System.Net;
using Floyo.Accounts;
using Floyo.Privacy;

namespace Floyo.Web.Tests.Accounts;

/// <summary>Sign-up, email verification, login, reset and sessions over real HTTP, with mail over real SMTP.</summary>
public sealed class AccountFlowTests(SmtpWebFixture fixture) : IClassFixture<SmtpWebFixture>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task SignUp_ThenLinkFromSmtpMessageAndThePassword_ConfirmsSignsInAndLoginWorks()
    {
        var email = SmtpWebFixture.NewEmail();
        using var session = new FormSession(fixture.BaseAddress);

        var signUp = await session.SubmitAsync("/account/signup", "signup", ("Input.Email", email), ("Input.DisplayName", "Ada"), ("Input.Password", Password));
        var verification = await fixture.Smtp.WaitForMessageAsync(email);
        var beforeVerifying = await session.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));
        var link = fixture.LinkIn(verification, "/account/verify");
        var opened = await session.GetAsync(link);
        var wrongPassword = await session.SubmitAsync(link, "confirm", ("Input.Password", "not the sign-up password"));
        var confirmed = await session.SubmitAsync(link, "confirm", ("Input.Password", Password));
        var welcome = await fixture.Smtp.WaitForMessageAsync(email);
        var profile = await session.GetAsync("/account/profile");
        var reopened = await session.GetAsync(link);
        using var later = new FormSession(fixture.BaseAddress);
        var login = await later.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));

        Assert.Equal(HttpStatusCode.OK, signUp.Status);
        Assert.Contains("data-testid=\"signup-done\"", signUp.Body, StringComparison.Ordinal);
        Assert.Equal("Confirm your email address for Floyo", verification.Subject);
        Assert.Contains("Hello Ada", verification.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/verify?user=", verification.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, beforeVerifying.Status);
        Assert.Contains("Confirm your email address first", beforeVerifying.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("data-testid=\"verify-submit\"", await opened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.Status);
        Assert.Contains("not the password of the latest sign-up", wrongPassword.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal("/onboarding", new Uri(confirmed.Location!).AbsolutePath);
        Assert.Equal("Welcome to Floyo", welcome.Subject);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains(email, await profile.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"verify-done\"", await reopened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, login.Status);
        Assert.Equal("/", new Uri(login.Location!).AbsolutePath);
    }

    [Fact]
    public async Task VerifyLink_WithAWrongToken_IsRefused()
    {
        var email = SmtpWebFixture.NewEmail();
        using var session = new FormSession(fixture.BaseAddress);
        await session.SubmitAsync("/account/signup", "signup", ("Input.Email", email), ("Input.DisplayName", "Eve"), ("Input.Password", Password));
        var link = fixture.LinkIn(await fixture.Smtp.WaitForMessageAsync(email), "/account/verify");
        var forged = link[..link.IndexOf("token=", StringComparison.Ordinal)] + "token=AAAA";

        var response = await session.GetAsync(forged);
        var post = await session.SubmitWithTokenFromAsync("/account/signin", forged, "confirm", ("Input.Password", Password));
        var login = await session.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"verify-failed\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, post.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, login.Status);
        Assert.Contains("Confirm your email address first", login.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_WithARegisteredAddress_AnswersTheSameAndEmailsTheOwnerInstead()
    {
        var email = await fixture.CreateVerifiedAccountAsync(Password);
        using var session = new FormSession(fixture.BaseAddress);

        var again = await session.SubmitAsync("/account/signup", "signup", ("Input.Email", email.ToUpperInvariant()), ("Input.DisplayName", "Mallory"), ("Input.Password", "another long passphrase"));
        var notice = await fixture.Smtp.WaitForMessageAsync(email);
        var oldPassword = await session.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("data-testid=\"signup-done\"", again.Body, StringComparison.Ordinal);
        Assert.Equal("You already have a Floyo account", notice.Subject);
        Assert.Equal(HttpStatusCode.Redirect, oldPassword.Status);
    }

    [Fact]
    public async Task PasswordReset_ThroughTheEmailedLink_ChangesThePasswordAndEndsOtherSessions()
    {
        var email = await fixture.CreateVerifiedAccountAsync(Password);
        var unknown = SmtpWebFixture.NewEmail();
        using var other = new FormSession(fixture.BaseAddress);
        await other.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));
        using var session = new FormSession(fixture.BaseAddress);

        var forUnknown = await session.SubmitAsync("/account/forgot", "forgot", ("Input.Email", unknown));
        var forKnown = await session.SubmitAsync("/account/forgot", "forgot", ("Input.Email", email));
        var message = await fixture.Smtp.WaitForMessageAsync(email);
        var link = fixture.LinkIn(message, "/account/reset");
        var weak = await session.SubmitAsync(link, "reset", ("Input.Password", "password123"));
        var reset = await session.SubmitAsync(link, "reset", ("Input.Password", "a brand new passphrase"));
        var reused = await session.SubmitAsync(link, "reset", ("Input.Password", "yet another passphrase"));
        var oldLogin = await session.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));
        var newLogin = await session.SubmitAsync("/account/signin", "login", FormSession.Login(email, "a brand new passphrase"));
        var otherSession = await other.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.OK, forUnknown.Status);
        Assert.Equal(HttpStatusCode.OK, forKnown.Status);
        Assert.Contains("data-testid=\"forgot-done\"", forUnknown.Body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"forgot-done\"", forKnown.Body, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Smtp.Pending(unknown));
        Assert.Equal("Reset your Floyo password", message.Subject);
        Assert.Equal(HttpStatusCode.BadRequest, weak.Status);
        Assert.Contains("too common", weak.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Contains("data-testid=\"reset-done\"", reset.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, oldLogin.Status);
        Assert.Equal(HttpStatusCode.Redirect, newLogin.Status);
        Assert.Equal(HttpStatusCode.Redirect, otherSession.StatusCode);
        Assert.StartsWith("/account/signin", otherSession.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_IsLockedEvenWithTheRightOne()
    {
        var email = await fixture.CreateVerifiedAccountAsync(Password);
        using var session = new FormSession(fixture.BaseAddress);

        var failures = new List<FormResult>();
        for (var i = 0; i < 5; i++)
        {
            failures.Add(await session.SubmitAsync("/account/signin", "login", FormSession.Login(email, "wrong password " + i)));
        }

        var right = await session.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));
        var userId = (await fixture.Grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(email)).ResolveAsync())!.Value;
        var audit = await fixture.Grains.GetGrain<IAuditGrain>(userId).ReadAsync(null, 20);

        Assert.All(failures, f => Assert.Equal(HttpStatusCode.Unauthorized, f.Status));
        // Locked or not, the answer is the one an unknown address gets (LockoutDisclosureTests); the audit shows the lock.
        Assert.All(failures, f => Assert.Contains("do not match an account", f.Body, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, right.Status);
        Assert.Contains("do not match an account", right.Body, StringComparison.Ordinal);
        Assert.Equal(
            [AuditAction.AccountLockedOut, .. Enumerable.Repeat(AuditAction.LoginFailed, 5), AuditAction.LoggedIn, AuditAction.EmailVerified, AuditAction.SignedUp],
            audit.Entries.Select(e => e.Action));
        Assert.All(audit.Entries, e => Assert.StartsWith("127.0.0.1", e.Origin, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheOtherSessionsAtTheirNextRequest()
    {
        var email = await fixture.CreateVerifiedAccountAsync(Password);
        using var laptop = new FormSession(fixture.BaseAddress);
        using var phone = new FormSession(fixture.BaseAddress);
        await laptop.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));
        await phone.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));
        var phoneBefore = await phone.GetAsync("/account/profile");

        var signOut = await laptop.SubmitAsync("/account/profile", "sign-out-everywhere");
        var phoneAfter = await phone.GetAsync("/account/profile");
        var laptopAfter = await laptop.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.OK, phoneBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, laptopAfter.StatusCode);
        var userId = (await fixture.Grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(email)).ResolveAsync())!.Value;
        var audit = await fixture.Grains.GetGrain<IAuditGrain>(userId).ReadAsync(null, 1);
        Assert.Equal(AuditAction.SignedOutEverywhere, Assert.Single(audit.Entries).Action);
    }

    [Fact]
    public async Task FormPost_WithoutTheAntiforgeryToken_IsRefused()
    {
        var email = await fixture.CreateVerifiedAccountAsync(Password);
        using var session = new FormSession(fixture.BaseAddress);
        await session.GetAsync("/account/signin");

        var forged = await session.PostAsync("/account/signin", [("_handler", "login"), .. FormSession.Login(email, Password)]);

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Null(forged.Location);
    }

    [Theory]
    [InlineData("not-an-email", "Ada", Password, "valid email address")]
    [InlineData("ada@example.com", "", Password, "Enter your name")]
    [InlineData("ada@example.com", "Ada", "short", "at least 10 characters")]
    [InlineData("ada@example.com", "Ada", "qwertyuiop", "too common")]
    [InlineData("ada@example.com", "Ada", "ada@example.com", "email address as your password")]
    public async Task SignUp_WithBadInput_AnswersFieldErrors(string email, string name, string password, string expected)
    {
        using var session = new FormSession(fixture.BaseAddress);

        var result = await session.SubmitAsync("/account/signup", "signup", ("Input.Email", email), ("Input.DisplayName", name), ("Input.Password", password));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains(expected, result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_WhenTheSmtpServerRefuses_RetriesUntilDelivered()
    {
        var email = SmtpWebFixture.NewEmail();
        using var session = new FormSession(fixture.BaseAddress);
        var refusedBefore = fixture.Smtp.Refused;
        fixture.Smtp.RefuseNext(2);

        await session.SubmitAsync("/account/signup", "signup", ("Input.Email", email), ("Input.DisplayName", "Retry"), ("Input.Password", Password));
        var message = await fixture.Smtp.WaitForMessageAsync(email);

        Assert.Equal("Confirm your email address for Floyo", message.Subject);
        Assert.Equal(2, fixture.Smtp.Refused - refusedBefore);
    }
}
