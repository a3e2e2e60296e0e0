using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using MimeKit;

namespace Floyo.Web.Tests.Accounts;

/// <summary>The web app sending its mail over SMTP to a <see cref="TestSmtpServer"/> in the test process; retries after 1 s.</summary>
public sealed partial class SmtpWebFixture : FloyoWebFixture
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Floyo:Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Floyo:Email:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Floyo:Email:Smtp:Security", "None");
        builder.UseSetting("Floyo:Email:FirstRetryDelay", "00:00:01");
    }

    /// <summary>A fresh address for one test.</summary>
    public static string NewEmail() => $"dev-{Guid.NewGuid():N}@example.com";

    /// <summary>The link in a message's text part whose path starts with <paramref name="path"/>, as a path and query on this app.</summary>
    public string LinkIn(MimeMessage message, string path)
    {
        var link = Links().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value)).Single(u => u.AbsolutePath == path);
        Assert.Equal(BaseAddress.Authority, link.Authority);
        return link.PathAndQuery;
    }

    /// <summary>Signs up and confirms the address through the emailed link and the password; returns the address.</summary>
    public async Task<string> CreateVerifiedAccountAsync(string password)
    {
        var email = NewEmail();
        using var session = new FormSession(BaseAddress);
        await session.SubmitAsync("/account/signup", "signup", ("Input.Email", email), ("Input.DisplayName", "Dev"), ("Input.Password", password));
        var verification = await Smtp.WaitForMessageAsync(email);
        var confirmed = await session.SubmitAsync(LinkIn(verification, "/account/verify"), "confirm", ("Input.Password", password));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, confirmed.Status);
        await Smtp.WaitForMessageAsync(email); // the welcome email
        return email;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
