using System.Net;
using Floyo.Accounts;
using Floyo.Privacy;
using Floyo.Users;

namespace Floyo.Web.Tests.Accounts;

/// <summary>
/// Nobody can hold an address they cannot confirm: a sign-up for an address whose account is not confirmed yet takes
/// its place with a new link, and confirming takes the link and the password of the latest sign-up, so the owner of
/// the mailbox never confirms a stranger's sign-up by opening its link, and can always take the address over.
/// </summary>
public sealed class UnconfirmedSignUpTests(SmtpWebFixture fixture) : IClassFixture<SmtpWebFixture>
{
    private const string SquatterPassword = "the squatter's passphrase";
    private const string OwnerPassword = "the owner's own passphrase";

    private static (string, string)[] SignUp(string email, string name, string password) =>
        [("Input.Email", email), ("Input.DisplayName", name), ("Input.Password", password)];

    [Fact]
    public async Task SignUpAgain_ForAnUnconfirmedAddress_SendsANewLinkAndOnlyItWithTheLatestPasswordConfirms()
    {
        var email = SmtpWebFixture.NewEmail();
        using var squatter = new FormSession(fixture.BaseAddress);
        using var owner = new FormSession(fixture.BaseAddress);

        await squatter.SubmitAsync("/account/signup", "signup", SignUp(email, "Squatter", SquatterPassword));
        var squattersLink = fixture.LinkIn(await fixture.Smtp.WaitForMessageAsync(email), "/account/verify");
        var again = await owner.SubmitAsync("/account/signup", "signup", SignUp(email.ToUpperInvariant(), "Owner", OwnerPassword));
        var ownersMail = await fixture.Smtp.WaitForMessageAsync(email);
        var ownersLink = fixture.LinkIn(ownersMail, "/account/verify");
        var oldLink = await owner.GetAsync(squattersLink);
        var squattersPassword = await owner.SubmitAsync(ownersLink, "confirm", ("Input.Password", SquatterPassword));
        var confirmed = await owner.SubmitAsync(ownersLink, "confirm", ("Input.Password", OwnerPassword));
        using var later = new FormSession(fixture.BaseAddress);
        var squatterLogin = await later.SubmitAsync("/account/signin", "login", FormSession.Login(email, SquatterPassword));
        var ownerLogin = await later.SubmitAsync("/account/signin", "login", FormSession.Login(email, OwnerPassword));
        var userId = (await fixture.Grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(email)).ResolveAsync())!.Value;

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("data-testid=\"signup-done\"", again.Body, StringComparison.Ordinal);
        Assert.Equal("Confirm your email address for Floyo", ownersMail.Subject);
        Assert.Contains("Hello Owner", ownersMail.TextBody, StringComparison.Ordinal);
        Assert.NotEqual(squattersLink, ownersLink);
        Assert.Equal(HttpStatusCode.BadRequest, oldLink.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, squattersPassword.Status);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, squatterLogin.Status);
        Assert.Equal(HttpStatusCode.Redirect, ownerLogin.Status);
        Assert.Equal("Owner", (await fixture.Grains.GetGrain<IUserGrain>(userId).GetProfileAsync())!.DisplayName);

        // The owner's audit log starts with the owner's own sign-up: the squatter's entries (and origin) are gone.
        var audit = await fixture.Grains.GetGrain<IAuditGrain>(userId).ReadAsync(null, 50);
        Assert.Equal(AuditAction.SignedUp, audit.Entries[^1].Action);
        Assert.Contains("earlier sign-up", audit.Entries[^1].Detail, StringComparison.Ordinal);
        Assert.Single(audit.Entries, e => e.Action == AuditAction.SignedUp);
    }

    [Fact]
    public async Task OwnerOpeningAStrangersLink_CannotConfirmItWithoutItsPassword_AndTakesTheAddressOverByReset()
    {
        var email = SmtpWebFixture.NewEmail();
        using var squatter = new FormSession(fixture.BaseAddress);
        using var owner = new FormSession(fixture.BaseAddress);
        await squatter.SubmitAsync("/account/signup", "signup", SignUp(email, "Squatter", SquatterPassword));
        var link = fixture.LinkIn(await fixture.Smtp.WaitForMessageAsync(email), "/account/verify");

        var opened = await owner.GetAsync(link);
        var guessed = await owner.SubmitAsync(link, "confirm", ("Input.Password", OwnerPassword));
        var squatterBefore = await squatter.SubmitAsync("/account/signin", "login", FormSession.Login(email, SquatterPassword));
        await owner.SubmitAsync("/account/forgot", "forgot", ("Input.Email", email));
        var reset = await owner.SubmitAsync(fixture.LinkIn(await fixture.Smtp.WaitForMessageAsync(email), "/account/reset"), "reset", ("Input.Password", OwnerPassword));
        var squatterAfter = await squatter.SubmitAsync("/account/signin", "login", FormSession.Login(email, SquatterPassword));
        var ownerLogin = await owner.SubmitAsync("/account/signin", "login", FormSession.Login(email, OwnerPassword));
        var linkAfterwards = await squatter.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, guessed.Status);
        Assert.Contains("not the password of the latest sign-up", guessed.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, squatterBefore.Status);
        Assert.Contains("Confirm your email address first", squatterBefore.Body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reset-done\"", reset.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, squatterAfter.Status);
        Assert.Equal(HttpStatusCode.Redirect, ownerLogin.Status);
        Assert.Contains("already confirmed", await linkAfterwards.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
