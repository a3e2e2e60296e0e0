using Floyo.Accounts;

namespace Floyo.Grains.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    [Fact]
    public void CommonPasswordList_IsEmbeddedWithThousandsOfEntries() => Assert.InRange(PasswordPolicy.CommonPasswordCount, 3000, 10000);

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Tr0ub4dor&3-but-longer")]
    [InlineData("ünïcödé pässwörd")]
    public void Check_WhenLongAndUncommon_Accepts(string password) => Assert.Empty(PasswordPolicy.Check(password, "ann@example.com"));

    [Theory]
    [InlineData("short1!", "Use at least 10 characters.")]
    [InlineData("1234567890", "This password is too common; choose one that others are unlikely to use.")]
    [InlineData("QWERTYUIOP", "This password is too common; choose one that others are unlikely to use.")]
    [InlineData("Password2024", "This password is too common; choose one that others are unlikely to use.")]
    [InlineData("iloveyou123", "This password is too common; choose one that others are unlikely to use.")]
    [InlineData("annabelle.lee@example.com", "Do not use your email address as your password.")]
    [InlineData("annabelle.lee", "Do not use your email address as your password.")]
    [InlineData("", "Choose a password.")]
    public void Check_WhenWeak_GivesTheReason(string password, string reason) =>
        Assert.Equal([reason], PasswordPolicy.Check(password, "annabelle.lee@example.com"));

    [Fact]
    public void Check_WhenOverTheMaximum_Refuses() =>
        Assert.Equal(["Use at most 128 characters."], PasswordPolicy.Check(new string('x', 120) + "abcdefghi", null));

    [Fact]
    public void Require_WhenWeak_Throws() => Assert.Throws<ArgumentException>(() => PasswordPolicy.Require("password", "a@example.com"));
}
