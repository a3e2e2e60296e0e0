using System.Net;
using System.Text.RegularExpressions;
using Floyo.Accounts;
using Floyo.Privacy;

namespace Floyo.Web.Tests.Accounts;

/// <summary>Lockout must not reveal which addresses are registered: a locked account and an unknown address answer the
/// sign-in form identically; only the owner learns of the lockout, by email.</summary>
public sealed partial class LockoutDisclosureTests(SmtpWebFixture fixture) : IClassFixture<SmtpWebFixture>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Login_ToALockedAccountAndToAnUnknownAddress_AnswersIdentically()
    {
        var known = await fixture.CreateVerifiedAccountAsync(Password);
        var unknown = SmtpWebFixture.NewEmail();
        string[] attempts = ["wrong 1", "wrong 2", "wrong 3", "wrong 4", "wrong 5 locks", "wrong 6", Password];

        var knownAnswers = new List<(HttpStatusCode, string)>();
        var unknownAnswers = new List<(HttpStatusCode, string)>();
        foreach (var password in attempts)
        {
            knownAnswers.Add(await LoginAsync(known, password));
            unknownAnswers.Add(await LoginAsync(unknown, password));
        }

        var lockedNotice = await fixture.Smtp.WaitForMessageAsync(known);
        var userId = (await fixture.Grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(known)).ResolveAsync())!.Value;
        var audit = await fixture.Grains.GetGrain<IAuditGrain>(userId).ReadAsync(null, 20);

        Assert.Equal(unknownAnswers, knownAnswers);
        Assert.All(knownAnswers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Item1));
        Assert.All(knownAnswers, a => Assert.StartsWith("That email and password do not match an account.", a.Item2, StringComparison.Ordinal));
        Assert.Equal("Too many failed sign-ins to your Floyo account", lockedNotice.Subject);
        Assert.Equal(0, fixture.Smtp.Pending(unknown));
        // The known account really is locked (and the right password did not sign in): the answers are equal by design.
        Assert.Equal(
            [AuditAction.AccountLockedOut, .. Enumerable.Repeat(AuditAction.LoginFailed, 5), AuditAction.LoggedIn, AuditAction.EmailVerified, AuditAction.SignedUp],
            audit.Entries.Select(e => e.Action));
    }

    /// <summary>The status and the form's error text; the rest of the page only echoes the typed address.</summary>
    private async Task<(HttpStatusCode, string)> LoginAsync(string email, string password)
    {
        using var session = new FormSession(fixture.BaseAddress);
        var answer = await session.SubmitAsync("/account/signin", "login", ("Login.Email", email), ("Login.Password", password));
        var errors = ErrorList().Match(answer.Body);
        Assert.True(errors.Success, "No error list in the answer.");
        return (answer.Status, errors.Groups[1].Value.Trim());
    }

    [GeneratedRegex("<ul class=\"floyo-error-list\">\\s*<li>(.*?)</li>\\s*</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorList();
}
