using Floyo.Accounts;

namespace Floyo.Grains.Tests.Accounts;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ann@example.com")]
    [InlineData("ann.lee+floyo@mail.example.co.uk")]
    public void IsValid_ForPlainAddresses_IsTrue(string email) => Assert.True(EmailAddress.IsValid(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ann")]
    [InlineData("ann@localhost")]
    [InlineData("Ann <ann@example.com>")]
    [InlineData(" ann@example.com")]
    [InlineData("ann@exa\u0001mple.com")]
    [InlineData("a@b.c,d@e.f")]
    public void IsValid_ForAnythingElse_IsFalse(string? email) => Assert.False(EmailAddress.IsValid(email));

    [Fact]
    public void IsValid_WhenLongerThan254_IsFalse() => Assert.False(EmailAddress.IsValid(new string('a', 250) + "@example.com"));

    [Fact]
    public void Normalize_LowerCasesAndTrims() => Assert.Equal("ann@example.com", EmailAddress.Normalize(" Ann@Example.COM "));
}
