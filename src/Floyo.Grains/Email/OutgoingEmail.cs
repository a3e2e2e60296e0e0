namespace Floyo.Email;

/// <summary>
/// One message for the outbox: recipient, subject, an HTML and a plain-text body, the template that made it, and the
/// user it belongs to (so deleting an account can remove its mail).
/// </summary>
public sealed record OutgoingEmail(string To, string Subject, string HtmlBody, string TextBody, string Template, Guid? UserId = null);
