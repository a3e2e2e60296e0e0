namespace Floyo.Accounts;

/// <summary>Where an email confirmation link stands, or how confirming with it ended.</summary>
[GenerateSerializer, Alias("floyo.EmailConfirmationStatus")]
public enum EmailConfirmationStatus
{
    /// <summary>The link is the current one and unexpired: the sign-up's password confirms the address.</summary>
    Pending,

    /// <summary>The address is confirmed now (and the user signed in).</summary>
    Confirmed,

    /// <summary>The address was confirmed before; nothing changed.</summary>
    AlreadyConfirmed,

    /// <summary>No such account, an expired link, or a link replaced by a later sign-up.</summary>
    InvalidLink,

    /// <summary>The password is not the one chosen in the latest sign-up (counted towards lockout).</summary>
    WrongPassword,

    /// <summary>Too many wrong passwords: nothing is checked until the lockout ends.</summary>
    LockedOut,
}
