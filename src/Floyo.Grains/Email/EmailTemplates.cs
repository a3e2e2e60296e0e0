using System.Net;

namespace Floyo.Email;

/// <summary>
/// Floyo's emails, each as HTML and plain text. Every value that comes from a user is HTML-encoded; links are built
/// by the caller from the configured public address.
/// </summary>
public static class EmailTemplates
{
    public static OutgoingEmail Verification(string to, string name, Uri link) => Build(
        to, "verification", "Confirm your email address for Floyo", name,
        "Please confirm that this is your email address to finish creating your Floyo account.",
        ("Confirm email address", link),
        "If you did not sign up for Floyo, ignore this message: nothing happens until the link is opened.");

    public static OutgoingEmail PasswordReset(string to, string name, Uri link, TimeSpan lifetime) => Build(
        to, "password-reset", "Reset your Floyo password", name,
        $"Someone (hopefully you) asked to reset your Floyo password. The link works once, for {lifetime.TotalMinutes:0} minutes.",
        ("Choose a new password", link),
        "If you did not ask for this, ignore this message: your password stays as it is.");

    public static OutgoingEmail PasswordChanged(string to, string name, Uri forgotLink) => Build(
        to, "password-changed", "Your Floyo password was changed", name,
        "The password of your Floyo account was just changed, and every browser signed in to it was signed out.",
        ("If this was not you, reset your password", forgotLink),
        "If you changed it yourself, there is nothing to do.");

    public static OutgoingEmail AccountLocked(string to, string name, DateTimeOffset until, Uri forgotLink) => Build(
        to, "account-locked", "Too many failed sign-ins to your Floyo account", name,
        $"Someone entered a wrong password for your Floyo account too many times in a row, so it is locked until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC. If it was you, wait or reset your password, which unlocks it at once.",
        ("Reset your password", forgotLink),
        "If it was not you, your password kept them out; choosing a new, longer one makes guessing even harder.");

    public static OutgoingEmail AlreadyRegistered(string to, string name, Uri resetLink) => Build(
        to, "already-registered", "You already have a Floyo account", name,
        "Someone tried to create a Floyo account with this address, which already has one. If that was you, sign in, or reset your password if you forgot it.",
        ("Reset your password", resetLink),
        "If it was not you, ignore this message: your account has not changed.");

    public static OutgoingEmail Welcome(string to, string name, Uri dashboard, Uri preferences) => Build(
        to, "welcome", "Welcome to Floyo", name,
        "Your email address is confirmed. Connect floyo-agent or any WakaTime plugin with an API key and your first insights appear on the dashboard within minutes.",
        ("Open your dashboard", dashboard),
        $"You receive this because product email is on. Turn it off at {preferences}.");

    public static OutgoingEmail FirstInsight(string to, string name, string headline, string detail, Uri dashboard, Uri preferences) => Build(
        to, "first-insight", "Your first Floyo insight: " + headline, name,
        headline + ". " + detail,
        ("See it on your dashboard", dashboard),
        $"You receive this because insight email is on. Turn it off at {preferences}.");

    private static OutgoingEmail Build(string to, string template, string subject, string name, string message, (string Label, Uri Url) action, string footer)
    {
        var text = $"""
            Hello {name},

            {message}

            {action.Label}: {action.Url}

            {footer}

            — Floyo
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body style="font-family: sans-serif; line-height: 1.5; color: #222;">
            <p>Hello {Encode(name)},</p>
            <p>{Encode(message)}</p>
            <p><a href="{Encode(action.Url.ToString())}" style="display: inline-block; padding: 10px 16px; background: #594ae2; color: #fff; text-decoration: none; border-radius: 4px;">{Encode(action.Label)}</a></p>
            <p style="font-size: 0.9em; color: #555;">Or open this address: {Encode(action.Url.ToString())}</p>
            <p style="font-size: 0.9em; color: #555;">{Encode(footer)}</p>
            <p>— Floyo</p>
            </body></html>
            """;
        return new OutgoingEmail(to, subject, html, text, template);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
