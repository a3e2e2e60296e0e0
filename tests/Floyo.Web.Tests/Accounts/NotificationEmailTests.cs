using Floyo.Accounts;

namespace Floyo.Web.Tests.Accounts;

/// <summary>The entry point other features use to email users: honours the opt-out of non-essential email.</summary>
public sealed class NotificationEmailTests(SmtpWebFixture fixture) : IClassFixture<SmtpWebFixture>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task FirstInsight_IsSentOnlyWhileInsightEmailIsOn()
    {
        var email = await fixture.CreateVerifiedAccountAsync(Password);
        using var session = new FormSession(fixture.BaseAddress);
        await session.SubmitAsync("/account/signin", "login", ("Login.Email", email), ("Login.Password", Password));
        var userId = (await fixture.Grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(email)).ResolveAsync())!.Value;
        var account = fixture.Grains.GetGrain<IUserAccountGrain>(userId);
        var insight = new NotificationEmail(NotificationKind.FirstInsight, "You focus best before noon", "Most of your long stretches start between 9 and 11.");

        var optOut = await session.SubmitAsync("/account/profile", "email-preferences", ("Preferences.ProductEmail", "true"));
        var whileOff = await account.SendNotificationAsync(insight);
        var optIn = await session.SubmitAsync("/account/profile", "email-preferences", ("Preferences.InsightEmail", "true"));
        var whileOn = await account.SendNotificationAsync(insight);
        var message = await fixture.Smtp.WaitForMessageAsync(email);

        Assert.Contains("data-testid=\"preferences-saved\"", optOut.Body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"preferences-saved\"", optIn.Body, StringComparison.Ordinal);
        Assert.False(whileOff);
        Assert.True(whileOn);
        Assert.Equal("Your first Floyo insight: You focus best before noon", message.Subject);
        Assert.Equal(0, fixture.Smtp.Pending(email));
        Assert.Equal(new EmailPreferences(false, true), (await account.GetAsync())!.EmailPreferences);
    }
}
