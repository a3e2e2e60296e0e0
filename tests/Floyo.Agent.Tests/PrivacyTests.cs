using Floyo.Agent.Configuration;
using Floyo.Agent.Events;

namespace Floyo.Agent.Tests;

public sealed class PrivacyTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "work", "demo");
    private static readonly string File = Path.Combine(Root, "src", "Billing", "Invoice.cs");

    [Fact]
    public void Redact_Hashed_IsStableKeyedAndKeepsOnlyTheExtension()
    {
        var first = new PathRedactor(PrivacyMode.Hashed, Key).Redact(File, Root, "demo");
        var again = new PathRedactor(PrivacyMode.Hashed, Key).Redact(File, Root, "demo");
        var otherKey = new PathRedactor(PrivacyMode.Hashed, new byte[32]).Redact(File, Root, "demo");
        var otherFile = new PathRedactor(PrivacyMode.Hashed, Key).Redact(Path.Combine(Root, "src", "Billing", "Payment.cs"), Root, "demo");

        Assert.Equal(first, again);
        Assert.Matches("^[0-9a-f]{32}\\.cs$", first);
        Assert.NotEqual(first, otherKey);
        Assert.NotEqual(first, otherFile);
        Assert.DoesNotContain("Invoice", first, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Redact_Relative_IsRelativeToTheProjectRootWithForwardSlashes() =>
        Assert.Equal("src/Billing/Invoice.cs", new PathRedactor(PrivacyMode.Relative, Key).Redact(File, Root, "demo"));

    [Fact]
    public void Redact_Full_IsTheFullPath() =>
        Assert.Equal(File, new PathRedactor(PrivacyMode.Full, Key).Redact(File, Root, "demo"));

    [Fact]
    public void Redact_Hashed_DropsAnExtensionThatDoesNotLookLikeOne() =>
        Assert.Matches("^[0-9a-f]{32}$", new PathRedactor(PrivacyMode.Hashed, Key).Redact(Path.Combine(Root, "notes.my secret"), Root, "demo"));
}
